using System.Collections.Immutable;
using CxLive.Journeys;

namespace CxLive.Touchpoints;

/// <summary>One grain per touchpoint (key: the touchpoint, e.g. <c>web/search</c>): rolling counts and failure rate.</summary>
public interface ITouchpointGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts interactions that customer grains accepted as new (never duplicates). A stream
    /// consumer names itself, so that what it delivers again after a crash is not counted twice.
    /// </summary>
    Task RecordAsync(ImmutableArray<Interaction> interactions, string? consumer);

    /// <summary>Writes the state now if it changed: a stream consumer calls it before it acknowledges.</summary>
    Task CheckpointAsync();

    /// <summary>The consumer acknowledged all it delivered: forget the ids it was holding here.</summary>
    Task ReleaseAsync(string consumer);

    Task<TouchpointSnapshot> GetSnapshotAsync();
}
