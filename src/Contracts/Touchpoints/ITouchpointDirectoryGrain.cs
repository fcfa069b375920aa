using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CxLive.Contracts.Touchpoints;

/// <summary>
/// Every touchpoint's latest figures in one place (key 0), for "top touchpoints by failure rate"
/// on the wall: touchpoint grains report at most every few seconds while they receive traffic.
/// </summary>
[Alias("CxLive.Touchpoints.ITouchpointDirectoryGrain")]
public interface ITouchpointDirectoryGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task ReportAsync(TouchpointSnapshot snapshot);

    /// <summary>The touchpoints failing most over their last 5 minutes, among those with at least <paramref name="minEvents"/> events in them.</summary>
    Task<ImmutableArray<TouchpointSnapshot>> TopAsync(int count, int minEvents);
}
