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
    private bool _desksAsked;
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

        if (!_desksAsked)
        {
            _desksAsked = true;
            await AskQuietDesksAsync();
        }

        var stats = PartitionFigures.Sum(_latest.Values, time.GetUtcNow()) with { PromptsWaiting = _unassigned.Values.Sum() };
        await GrainFactory.Ref<IAlertFeedGrain>(0).PublishStatsAsync(stats);
    }

    /// <summary>
    /// A desk reports when its count changes and when it starts; one whose count stood still since
    /// before this grain started (it moved to another silo) is asked once, so the walls are not told
    /// that its waiting prompts are gone.
    /// </summary>
    private async Task AskQuietDesksAsync()
    {
        var quiet = cluster.All.Where(p => !_unassigned.ContainsKey(p)).ToList();
        var answers = await Task.WhenAll(quiet.Select(async p => (Partition: p, Count: await cluster.UnassignedAsync(p))));
        foreach (var (partition, count) in answers) // one that cannot say reports when its count changes
        {
            if (count is { } known)
            {
                _unassigned[partition] = known;
            }
        }
    }
}
