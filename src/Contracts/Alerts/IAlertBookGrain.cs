using System.Collections.Immutable;
using CxLive.Contracts.Feed;
using Orleans.Concurrency;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// One partition of the alert book (key: the partition number, see <see cref="AlertPartitions"/>):
/// turns detector signals into alerts (dedup by fingerprint, the customer's budget), keeps them,
/// its incidents and their history, and answers queries about them. Callers that want the whole
/// cluster's alerts use <see cref="ClusterAlerts"/>, which asks every partition. Calls between
/// partitions are one-way, so two partitions never wait on each other.
/// </summary>
[Alias("CxLive.Alerts.IAlertBookGrain")]
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

    Task<ImmutableArray<Incident>> IncidentsAsync(bool openOnly);
    Task<Incident?> GetIncidentAsync(string incidentId);

    /// <summary>Resolves the incident and what it absorbed, the person's note on each; null when there is no open incident with that id.</summary>
    Task<Incident?> ResolveIncidentAsync(string incidentId, string by, string? note);

    /// <summary>
    /// As the previous version called it, without a note: a method's wire identity is its name and
    /// parameter types, so a front not yet upgraded still reaches upgraded silos. Remove one version later.
    /// </summary>
    Task<Incident?> ResolveIncidentAsync(string incidentId, string by);

    /// <summary>The running figures behind the wall's stats, for this partition (constant work, never a scan).</summary>
    Task<PartitionFigures> FiguresAsync();

    /// <summary>Alerts and incidents changed after <paramref name="after"/> (at most <paramref name="limit"/>): how a web server or a client that missed pushes catches up.</summary>
    Task<FeedCatchUp> ChangesAfterAsync(long after, int limit);

    /// <summary>
    /// Hands every alert change not yet forwarded to the insights days (a timer does it every few
    /// seconds; a report calls it first so that it counts up to the moment it is asked).
    /// </summary>
    Task ForwardInsightsAsync();

    /// <summary>The number of the last change this partition has published to its feed (interleaves: it reads one number).</summary>
    [AlwaysInterleave]
    Task<long> PublishedAsync();

    /// <summary>The cluster's silences and open incidents, from the alert directory whenever they change (interleaves: it only replaces a copy).</summary>
    [AlwaysInterleave]
    Task SyncDirectoryAsync(AlertDirectorySnapshot snapshot);

    /// <summary>One-way: an incident opened on another partition; its open customer alerts on that touchpoint join it and are reported back.</summary>
    [OneWay]
    Task AbsorbIntoIncidentAsync(Incident incident);

    /// <summary>One-way: customer alerts of other partitions joined this partition's incident.</summary>
    [OneWay]
    Task AttachToIncidentAsync(string incidentId, ImmutableArray<IncidentMember> members);

    /// <summary>One-way: an incident of another partition was resolved; what it absorbed here is resolved too.</summary>
    [OneWay]
    Task ResolveAbsorbedAsync(string incidentId, string by, string? note);

    /// <summary>As the previous version called it (see <see cref="ResolveIncidentAsync(string, string)"/>); also what is sent when there is no note, which a silo not yet upgraded reads.</summary>
    [OneWay]
    Task ResolveAbsorbedAsync(string incidentId, string by);
}
