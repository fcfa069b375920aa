using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Backtesting;

/// <summary>What a back-test found: alerts oldest first (with their history), and counts per rule.</summary>
public sealed record BacktestResult(
    int Interactions,
    DateTimeOffset? From,
    DateTimeOffset Until,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyDictionary<string, RuleOutcome> ByRule);
