using System.Text.Json.Serialization;
using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Backtesting;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// Answer of <c>POST /api/rules/backtest</c>: the alerts the interactions would have raised, oldest
/// first, in event time; the items refused, and the warnings on items replayed (as ingestion answers them).
/// </summary>
public sealed record BacktestResponse(
    int Interactions,
    IReadOnlyList<RejectedItem> Rejected,
    DateTimeOffset? From,
    DateTimeOffset Until,
    IReadOnlyDictionary<string, RuleOutcome> ByRule,
    IReadOnlyList<Alert> Alerts)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ItemWarning>? Warnings { get; init; }
}
