using Orleans.Concurrency;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// Adds up the partitions' figures for the walls (key 0): each partition reports at most once a
/// second, one-way, and this pushes one <c>wallStats</c> a second at most. Off the path of a raise.
/// Each outreach desk reports, the same way, how many of its prompts wait for an agent.
/// </summary>
[Alias("CxLive.Alerts.IWallStatsGrain")]
public interface IWallStatsGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task ReportAsync(int partition, PartitionFigures figures);

    [OneWay]
    Task ReportUnassignedAsync(int partition, int unassigned);
}
