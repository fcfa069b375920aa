using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Alerts;
using CxLive.Grains.Storage;
using CxLive.Silo.Redis;
using CxLive.Tests.Integration.Support;
using Orleans.TestingHost;
using static CxLive.Tests.Integration.Grains.PartitionedAlertsTests;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// While silos join or leave, Orleans' default directory can hold two activations of one grain for
/// a moment. Two clusters sharing one Redis play the two here: each activates the same alert
/// partition or desk over the same records. The older activation, which never saw what the newer
/// one wrote, must not go on writing beside it: its change is refused, and the caller's retry
/// reaches a fresh activation that has both.
/// </summary>
public sealed class TwoActivationsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Two one-silo clusters whose record-stored grains share one Redis under one service id: each activates the same grains over the same records.</summary>
    private sealed class TwoClusters(RedisConnection connection, InProcessTestCluster older, InProcessTestCluster newer) : IAsyncDisposable
    {
        public IClusterClient Older => older.Client;

        public IClusterClient Newer => newer.Client;

        public static async Task<TwoClusters> StartAsync(string redis, string service)
        {
            var connection = new RedisConnection(redis);
            return new(connection,
                await RecordingStore.StartClusterAsync(new RedisRecordStore(connection, service)),
                await RecordingStore.StartClusterAsync(new RedisRecordStore(connection, service)));
        }

        public async ValueTask DisposeAsync()
        {
            await newer.DisposeAsync();
            await older.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_alert_partition_superseded_by_another_activation_refuses_its_change_and_the_retry_numbers_it_after_the_others()
    {
        await using var clusters = await TwoClusters.StartAsync(redis.ConnectionString, "two-books");
        var (older, newer) = (clusters.Older, clusters.Newer);
        var olderBook = new ClusterAlerts(older, 1).Book(0);

        await olderBook.ApplyAsync([Raise("detractor", "c-1")]);
        await new ClusterAlerts(newer, 1).Book(0).ApplyAsync([Raise("detractor", "c-2")]); // loads c-1, claims the partition

        try
        {
            await olderBook.ApplyAsync([Raise("detractor", "c-3")]);
        }
        catch (Exception refused)
        {
            // Refused (unless a timer's write already made the older activation step down, on a slow machine).
            Assert.Contains("claimed by another activation", refused.Message, StringComparison.Ordinal);
            await olderBook.ApplyAsync([Raise("detractor", "c-3")]); // the caller's retry
        }

        var alerts = await olderBook.QueryAsync(new AlertQuery { Limit = 10 });
        Assert.Equal(["c-1", "c-2", "c-3"], alerts.Select(a => a.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal([1L, 2L, 3L], alerts.Select(a => a.Sequence).Order()); // one number per change, none given twice
    }

    [Fact]
    public async Task An_alert_partition_superseded_while_it_only_answers_reads_stops_answering_from_what_it_loaded_within_seconds()
    {
        await using var clusters = await TwoClusters.StartAsync(redis.ConnectionString, "stale-book");
        var olderBook = new ClusterAlerts(clusters.Older, 1).Book(0);
        Assert.Empty(await olderBook.QueryAsync(new AlertQuery { Limit = 10 })); // a read activates it: nothing of its own to write, ever

        // The newer activation raises an alert; the older one writes nothing, so no write of its is
        // refused: it used to list nothing until Orleans collected it. Its claim check makes it step
        // down, and the older cluster's next read reaches an activation that loaded the alert.
        await new ClusterAlerts(clusters.Newer, 1).Book(0).ApplyAsync([Raise("detractor", "c-2")]);
        await Eventually.TrueAsync(
            async () => (await olderBook.QueryAsync(new AlertQuery { Limit = 10 })).Select(a => a.CustomerId).SequenceEqual(["c-2"]),
            Patience, "the older cluster listing the newer activation's alert");
    }

    [Fact]
    public async Task An_outreach_desk_superseded_by_another_activation_passes_its_offer_on_and_lists_every_prompt_once()
    {
        await using var clusters = await TwoClusters.StartAsync(redis.ConnectionString, "two-desks");
        var (older, newer) = (clusters.Older, clusters.Newer);

        // Alerts worth a prompt, raised in partition 1: the desk under test (0) hears only what the test offers it.
        var alerts = await new ClusterAlerts(older, 2).Book(1).ApplyAsync([.. new[] { "c-1", "c-2", "c-3" }.Select(c =>
            Raise("unanswered-complaint", c) with { SuggestedAction = new SuggestedAction(Channel.Sms, "Hello", "context") })]);
        var olderDesk = older.GetGrain<IOutreachDeskGrain>(0);
        var newerDesk = newer.GetGrain<IOutreachDeskGrain>(0);
        var ids = alerts.Select(a => "p-" + a.Id).ToList();
        async Task<List<string>> ListedAsync() => [.. (await olderDesk.PromptsAfterAsync(0, null, 10)).Prompts.Select(p => p.Id)];

        await olderDesk.OfferAsync([alerts[0]]); // one-way, as the alert book offers
        await Eventually.TrueAsync(async () => await olderDesk.GetAsync(ids[0]) is not null, Patience, "the first prompt");
        await newerDesk.OfferAsync([alerts[1]]); // the newer activation loads the first prompt and claims the desk
        await Eventually.TrueAsync(async () => await newerDesk.GetAsync(ids[1]) is not null, Patience, "the second prompt");

        // The older activation makes the third prompt and its write is refused: it steps down, and the
        // offer (one-way: the book would never hear of the refusal) goes on to the newer activation.
        await olderDesk.OfferAsync([alerts[2]]);
        await Eventually.TrueAsync(async () => (await ListedAsync()).Order(StringComparer.Ordinal).SequenceEqual(ids.Order(StringComparer.Ordinal)), Patience, "the older cluster's desk listing every prompt, the newer activation's too");
        var prompts = (await olderDesk.PromptsAfterAsync(0, null, 10)).Prompts;
        Assert.Equal(3, prompts.Select(p => p.Sequence).Distinct().Count()); // a web server takes each number once: two prompts under one number lose one
    }

    [Fact]
    public async Task A_prompt_sent_one_way_to_a_superseded_queue_is_not_lost()
    {
        await using var clusters = await TwoClusters.StartAsync(redis.ConnectionString, "two-queues");
        var (older, newer) = (clusters.Older, clusters.Newer);
        var olderQueue = older.GetGrain<IOutreachQueueGrain>(0);
        var newerQueue = newer.GetGrain<IOutreachQueueGrain>(0);
        QueuedPrompt Waiting(int n) => new($"p-{n}", 0, Severity.Warning, DateTimeOffset.UtcNow, Channel.Sms);

        await olderQueue.WaitAsync(Waiting(1));
        await Eventually.TrueAsync(async () => await olderQueue.CountAsync() == 1, Patience, "the first prompt waiting");
        await newerQueue.WaitAsync(Waiting(2)); // the newer activation loads the first and claims the queue
        await Eventually.TrueAsync(async () => await newerQueue.CountAsync() == 2, Patience, "the second prompt waiting");

        await olderQueue.WaitAsync(Waiting(3)); // one-way: the desk that sends it never hears of a refusal
        await Eventually.TrueAsync(async () => await olderQueue.CountAsync() == 3, Patience, "all three waiting in the older cluster's queue");
    }
}
