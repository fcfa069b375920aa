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
            alerts.GroupBy(a => a.RuleId).ToDictionary(
                g => g.Key,
                g => new RuleOutcome(g.Count(), g.Count(a => a.State == AlertState.Resolved), g.Count(a => a.IsOpen))));
    }
}
