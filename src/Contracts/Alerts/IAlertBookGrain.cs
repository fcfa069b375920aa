using System.Collections.Immutable;

namespace CxLive.Alerts;

/// <summary>
/// The book of alerts: turns detector signals into alerts (dedup by fingerprint), keeps them and
/// answers queries. One activation for the cluster: alerts are rare next to interactions (a
/// customer grain calls it only when a detector speaks), so one book stays far from its limits.
/// </summary>
public interface IAlertBookGrain : IGrainWithIntegerKey
{
    /// <summary>Applies signals in order; returns the alerts they opened or changed.</summary>
    Task<ImmutableArray<Alert>> ApplyAsync(ImmutableArray<AlertSignal> signals);

    Task<Alert?> GetAsync(string alertId);

    Task<ImmutableArray<Alert>> QueryAsync(AlertQuery query);
}
