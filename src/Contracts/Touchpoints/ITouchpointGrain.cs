using System.Collections.Immutable;
using CxLive.Journeys;

namespace CxLive.Touchpoints;

/// <summary>One grain per touchpoint (key: the touchpoint, e.g. <c>web/search</c>): rolling counts and failure rate.</summary>
public interface ITouchpointGrain : IGrainWithStringKey
{
    /// <summary>Counts interactions that customer grains accepted as new (never duplicates).</summary>
    Task RecordAsync(ImmutableArray<Interaction> interactions);

    Task<TouchpointSnapshot> GetSnapshotAsync();
}
