using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Backtesting;

/// <summary>
/// "What would have fired?" Replays recorded interactions through the live detector code in
/// event time (<see cref="DetectionReplay"/>) and turns the signals into alerts exactly as the alert
/// book does (dedup by fingerprint, updates, resolutions), all in memory: no grain, no live state.
/// Alert times are event times.
/// </summary>
public static class Backtest
{
    public static BacktestResult Run(CustomerDetectors detectors, RuleBook rules, IReadOnlyList<Interaction> interactions, DateTimeOffset? until, AlertOptions options)
    {
        var end = until ?? (interactions.Count == 0 ? DateTimeOffset.UnixEpoch : interactions.Max(i => i.Timestamp));
        var signals = new DetectionReplay(detectors, rules).Run(interactions, end);
        var book = new AlertBookState();
        foreach (var signal in signals)
        {
            book.Apply(signal, signal.At, options);
        }

        var alerts = book.NewestFirst().Reverse().ToList();
        return new BacktestResult(
            interactions.Count,
            interactions.Count == 0 ? null : interactions.Min(i => i.Timestamp),
            end,
            alerts,
            alerts.Select(a => a.RuleId).Concat(alerts.SelectMany(a => a.Folded)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .ToDictionary(rule => rule, rule => OutcomeOf(rule, alerts)));
    }

    /// <summary>A rule's own alerts, and the alerts of other rules its condition was folded into.</summary>
    private static RuleOutcome OutcomeOf(string rule, List<Alert> alerts)
    {
        var own = alerts.Where(a => a.RuleId == rule).ToList();
        return new RuleOutcome(own.Count, own.Count(a => a.State == AlertState.Resolved), own.Count(a => a.IsOpen), alerts.Count(a => a.Folded.Contains(rule)));
    }
}
