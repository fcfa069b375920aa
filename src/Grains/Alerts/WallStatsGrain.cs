using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;
using CxLive.Grains.Feed;
using CxLive.Grains.Hosting;

namespace CxLive.Grains.Alerts;

/// <summary>
/// Adds up the partitions' latest figures and pushes them to the walls (through partition 0's
/// feed, to which every web server subscribes), at most once a second. Holds one small record per
/// partition and one number per outreach desk: constant work per report, whatever the number of
/// alerts and prompts.
/// </summary>
[GrainType("wallstats")]
public sealed class WallStatsGrain(TimeProvider time, ClusterAlerts cluster) : Grain, IWallStatsGrain
{
    private static readonly TimeSpan PushEvery = TimeSpan.FromSeconds(1);
    private readonly Dictionary<int, PartitionFigures> _latest = [];
    private readonly Dictionary<int, int> _unassigned = [];
    private bool _quietAsked;
    private IGrainTimer? _push;

    public Task ReportAsync(int partition, PartitionFigures figures)
    {
        _latest[partition] = figures;
        PushSoon();
        return Task.CompletedTask;
    }

    public Task ReportUnassignedAsync(int partition, int unassigned)
    {
        _unassigned[partition] = unassigned;
        PushSoon();
        return Task.CompletedTask;
    }

    private void PushSoon() => _push ??= this.RegisterGrainTimer(PushAsync, PushEvery, Timeout.InfiniteTimeSpan);

    private async Task PushAsync()
    {
        _push?.Dispose();
        _push = null;
        if (this.HostIsStopping())
        {
            return; // the feed may be gone already; the next report pushes the figures again
        }

        if (!_quietAsked)
        {
            await AskQuietAsync(); // failing (storage not answering), it is asked again at the next push
            _quietAsked = true;
        }

        var stats = PartitionFigures.Sum(_latest.Values, time.GetUtcNow()) with { PromptsWaiting = _unassigned.Values.Sum() };
        await GrainFactory.Ref<IAlertFeedGrain>(0).PublishStatsAsync(stats);
    }

    /// <summary>
    /// A partition reports when its alerts change, a desk when its count changes and when it starts:
    /// those that stood still since before this grain started (it was collected while idle, or moved
    /// to another silo) are asked once, before its first push, so the walls are not told that their
    /// open alerts or waiting prompts are gone (a desk waking this grain read "0 not resolved").
    /// </summary>
    private async Task AskQuietAsync()
    {
        var figures = Task.WhenAll(cluster.All.Where(p => !_latest.ContainsKey(p)).Select(async p => (Partition: p, Figures: await cluster.Book(p).FiguresAsync())));
        var counts = Task.WhenAll(cluster.All.Where(p => !_unassigned.ContainsKey(p)).Select(async p => (Partition: p, Count: await cluster.UnassignedAsync(p))));
        foreach (var (partition, known) in await figures)
        {
            _latest.TryAdd(partition, known);
        }

        foreach (var (partition, count) in await counts) // a desk that cannot say reports when its count changes
        {
            if (count is { } known)
            {
                _unassigned.TryAdd(partition, known);
            }
        }
    }
}
