using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// The cluster's silences and the open incident of each touchpoint (key 0): small, rarely
/// changed, and copied to every alert partition the moment they change, so a silence created
/// anywhere mutes alerts raised anywhere. Never on the path of a raise.
/// </summary>
[Alias("CxLive.Alerts.IAlertDirectoryGrain")]
public interface IAlertDirectoryGrain : IGrainWithIntegerKey
{
    Task<Silence> AddSilenceAsync(Silence silence);
    Task<ImmutableArray<Silence>> SilencesAsync();
    Task<bool> RemoveSilenceAsync(string silenceId);

    /// <summary>A partition opened (or closed) the incident of a touchpoint; every partition learns it.</summary>
    Task IncidentOpenedAsync(string touchpoint, string incidentId);
    Task IncidentClosedAsync(string touchpoint, string incidentId);

    /// <summary>What partitions copy when they wake (interleaves: it only reads).</summary>
    [AlwaysInterleave]
    Task<AlertDirectorySnapshot> SnapshotAsync();
}
