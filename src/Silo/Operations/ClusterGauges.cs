using System.Diagnostics.Metrics;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Hosting;
using CxLive.Grains.Telemetry;
using CxLive.Silo.Hosting;
using CxLive.Silo.Redis;
using Microsoft.Extensions.Options;
using Orleans.Metadata;
using Orleans.Runtime;
using StackExchange.Redis;

namespace CxLive.Silo.Operations;

/// <summary>
/// Gauges that Orleans or Redis know: active grains of this silo by type (<c>cxlive.grains.active</c>)
/// and, in Redis mode, the ingest stream's backlog (<c>cxlive.stream.lag</c>: entries no consumer has
/// read yet; <c>cxlive.stream.pending</c>: read, not yet acknowledged). The grains come from Orleans'
/// own meter (<see cref="OrleansGrainCounts"/>), as it changes; the backlog is asked of Redis every
/// 15 s, not at each scrape, so a scrape never waits on Redis.
/// </summary>
public sealed class ClusterGauges : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);
    private readonly OrleansGrainCounts _grainCounts;
    private readonly RedisConnection? _redis;
    private readonly StreamOptions? _stream;
    private readonly ILogger<ClusterGauges> _logger;
    private long? _lag;
    private long? _pending;

    private readonly IHostApplicationLifetime _lifetime;

    public ClusterGauges(IMeterFactory meters, CxMetrics metrics, IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<ClusterGauges> logger)
    {
        _lifetime = lifetime;
        _grainCounts = new OrleansGrainCounts(meters, grainType => ClassName(services, grainType)); // before the silo starts, so it sees every activation
        _logger = logger;
        _redis = services.GetService<RedisConnection>();
        _stream = _redis is null ? null : services.GetRequiredService<IOptions<StreamOptions>>().Value;
        metrics.Meter.CreateObservableGauge("cxlive.grains.active", ObserveGrains, "{grain}", "Active grains on this silo, by grain type.");
        if (_redis is not null)
        {
            metrics.Meter.CreateObservableGauge("cxlive.stream.lag", () => Observe(_lag), "{entry}", "Entries in the ingest stream no consumer has read yet.");
            metrics.Meter.CreateObservableGauge("cxlive.stream.pending", () => Observe(_pending), "{entry}", "Entries read from the ingest stream and not yet acknowledged.");
        }
    }

    public override void Dispose()
    {
        _grainCounts.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_redis is null)
        {
            return; // the grains need no asking; only the stream backlog does
        }

        await _lifetime.WhenStartedAsync(stoppingToken);
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogInformation(e, "Could not refresh the cluster gauges; trying again in {Interval}", Every);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Asks Redis now: the first refresh at start, then every 15 s; tests call it to skip the wait.</summary>
    public async Task RefreshAsync()
    {
        if (_redis is not null && _stream is not null)
        {
            (_lag, _pending) = await BacklogAsync((await _redis.GetAsync()).GetDatabase(), _stream.Stream, _stream.Group);
        }
    }

    /// <summary>Up to this many unread entries are counted one by one; past it the lag is an estimate.</summary>
    public const int ExactLagLimit = 10_000;

    /// <summary>
    /// The group's lag and pending count. Before the stream exists (nobody has sent anything and
    /// the consumer has not created it yet) nothing is waiting: 0 and 0, not an error to log.
    /// The lag is counted from the group's last delivered id to the stream's last id, not taken
    /// from Redis's own <c>lag</c> field: after Redis restarts and reloads the stream, that field can
    /// keep a stale figure for good (it was seen stuck at 30,090 with nothing unread).
    /// </summary>
    public static async Task<(long? Lag, long Pending)> BacklogAsync(IDatabase db, string stream, string group)
    {
        StreamGroupInfo[] groups;
        StreamInfo info;
        try
        {
            groups = await db.StreamGroupInfoAsync(stream);
            info = await db.StreamInfoAsync(stream);
        }
        catch (RedisServerException e) when (e.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return (0, 0);
        }

        var found = groups.FirstOrDefault(g => g.Name == group);
        if (found.Name is null)
        {
            return (info.Length, 0); // no consumer has read anything yet: everything waits
        }

        return (await UnreadAsync(db, stream, found.LastDeliveredId, info), found.PendingMessageCount);
    }

    private static async Task<long> UnreadAsync(IDatabase db, string stream, string? lastDelivered, StreamInfo info)
    {
        if (info.Length == 0 || lastDelivered == info.LastGeneratedId.ToString())
        {
            return 0;
        }

        long counted = 0;
        var after = "(" + (string.IsNullOrEmpty(lastDelivered) ? "0-0" : lastDelivered);
        while (counted < ExactLagLimit)
        {
            var page = await db.StreamRangeAsync(stream, after, "+", count: 1_000);
            counted += page.Length;
            if (page.Length < 1_000)
            {
                return counted;
            }

            after = "(" + page[^1].Id;
        }

        // A large backlog: no need to read it all to say it is large; the stream holds at most this many.
        return Math.Max(counted, info.Length);
    }

    private IEnumerable<Measurement<int>> ObserveGrains() =>
        _grainCounts.ByType().Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("type", pair.Key)));

    /// <summary>Orleans' grain type ("customer") → its class's name ("CustomerGrain"), as the gauge has always been labelled.</summary>
    private static string ClassName(IServiceProvider services, string grainType) =>
        services.GetService<GrainClassMap>() is { } classes && classes.TryGetGrainClass(GrainType.Create(grainType), out var type)
            ? type.Name
            : grainType;

    private static IEnumerable<Measurement<long>> Observe(long? value) => value is { } v ? [new Measurement<long>(v)] : [];

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
