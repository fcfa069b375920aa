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

    /// <summary>Newest first, from the cursor on (see <see cref="AlertQuery.Before"/>).</summary>
    Task<ImmutableArray<Alert>> QueryAsync(AlertQuery query);

    /// <summary>Acknowledge, assign, resolve or snooze, through the state machine (docs/alerts.md).</summary>
    Task<AlertActionResult> ActAsync(string alertId, AlertAction action);

    /// <summary>Lets time pass now: snoozes end, criticals escalate, stale alerts expire. Its own timer calls it too.</summary>
    Task TickAsync();

    Task<WallStats> StatsAsync();

    Task<ImmutableArray<Incident>> IncidentsAsync(bool openOnly);
    Task<Incident?> GetIncidentAsync(string incidentId);

    /// <summary>Resolves the incident and what it absorbed; null when there is no open incident with that id.</summary>
    Task<Incident?> ResolveIncidentAsync(string incidentId, string by);

    Task<Silence> AddSilenceAsync(Silence silence);
    Task<ImmutableArray<Silence>> SilencesAsync();
    Task<bool> RemoveSilenceAsync(string silenceId);
}
