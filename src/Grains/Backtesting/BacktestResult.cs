using CxLive.Alerts;
using CxLive.Detection;
using CxLive.Journeys;

namespace CxLive.Backtesting;

/// <summary>What a back-test found: alerts oldest first (with their history), and counts per rule.</summary>
public sealed record BacktestResult(
    int Interactions,
    DateTimeOffset? From,
    DateTimeOffset Until,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyDictionary<string, RuleOutcome> ByRule);
