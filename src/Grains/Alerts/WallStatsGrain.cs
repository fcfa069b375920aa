using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;
using CxLive.Grains.Feed;
using CxLive.Grains.Hosting;

namespace CxLive.Grains.Alerts;

/// <summary>
/// Adds up the partitions' latest figures and pushes them to the walls (through partition 0's
/// feed, to which every web server subscribes), at most once a second. Holds one small record per
/// partition: constant work per report, whatever the number of alerts.
/// </summary>
[GrainType("wallstats")]
public sealed class WallStatsGrain(TimeProvider time) : Grain, IWallStatsGrain
{
    private static readonly TimeSpan PushEvery = TimeSpan.FromSeconds(1);
    private readonly Dictionary<int, PartitionFigures> _latest = [];
    private IGrainTimer? _push;

    public Task ReportAsync(int partition, PartitionFigures figures)
    {
        _latest[partition] = figures;
        _push ??= this.RegisterGrainTimer(PushAsync, PushEvery, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    private async Task PushAsync()
    {
        _push?.Dispose();
        _push = null;
        if (this.HostIsStopping())
        {
            return; // the feed may be gone already; the next report pushes the figures again
        }

        await GrainFactory.Ref<IAlertFeedGrain>(0).PublishStatsAsync(PartitionFigures.Sum(_latest.Values, time.GetUtcNow()));
    }
}
