using System.Collections.Immutable;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Touchpoints;

/// <summary>One grain per touchpoint (key: the touchpoint, e.g. <c>web/search</c>): rolling counts and failure rate.</summary>
[Alias("CxLive.Touchpoints.ITouchpointGrain")]
public interface ITouchpointGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts interactions that customer grains accepted as new (never duplicates). A stream
    /// consumer names itself, so that what it delivers again after a crash is not counted twice.
    /// Answers which activation counted them (see <see cref="CheckpointAsync"/>).
    /// </summary>
    Task<Guid> RecordAsync(ImmutableArray<Interaction> interactions, string? consumer);

    /// <summary>
    /// Writes the state now if it changed: a stream consumer calls it before it acknowledges. If it
    /// answers another activation than the one that counted the consumer's batch, that one died unsaved.
    /// </summary>
    Task<Guid> CheckpointAsync();

    /// <summary>The consumer acknowledged all it delivered: forget the ids it was holding here.</summary>
    Task ReleaseAsync(string consumer);

    Task<TouchpointSnapshot> GetSnapshotAsync();
}
