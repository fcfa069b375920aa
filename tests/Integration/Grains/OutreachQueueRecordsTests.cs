using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using CxLive.Silo.Redis;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Grains;

/// <summary>The shared outreach queue in a real Redis: a prompt that starts waiting writes itself, not the queue.</summary>
public sealed class OutreachQueueRecordsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static QueuedPrompt Waiting(int n) => new($"p-{n}", n % 8, n % 2 == 0 ? Severity.Warning : Severity.Critical, DateTimeOffset.UtcNow.AddSeconds(n), Channel.Sms);

    [Fact]
    public async Task In_redis_the_501st_waiting_prompt_writes_one_small_record_and_the_queue_reads_back_whole()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        var store = new RecordingStore(new RedisRecordStore(connection, "queue-test"));
        var cluster = await RecordingStore.StartClusterAsync(store);
        var queue = cluster.Client.GetGrain<IOutreachQueueGrain>(0);
        foreach (var n in Enumerable.Range(0, 500))
        {
            await queue.WaitAsync(Waiting(n));
        }

        await Eventually.TrueAsync(async () => await queue.CountAsync() == 500, TimeSpan.FromSeconds(10), "500 waiting (the calls are one-way)");
        store.Writes.Clear();
        await queue.WaitAsync(Waiting(500));
        await queue.WaitAsync(Waiting(500)); // told twice (a desk's retry): held once, and the repeat never writes, whenever it arrives

        await Eventually.TrueAsync(async () => await queue.CountAsync() == 501, TimeSpan.FromSeconds(10), "the 501st waiting");
        var write = Assert.Single(store.Writes);
        Assert.InRange(write.Sum(r => r.Key.Length + r.Value!.Length), 1, 256);

        await cluster.DisposeAsync();
        await using var again = await RecordingStore.StartClusterAsync(new RedisRecordStore(connection, "queue-test"));
        Assert.Equal(501, await again.Client.GetGrain<IOutreachQueueGrain>(0).CountAsync());
    }

    [Fact]
    public async Task A_queue_stored_as_one_list_by_an_earlier_version_is_moved_to_records_when_it_wakes()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        await using var cluster = await RecordingStore.StartClusterAsync(new RedisRecordStore(connection, "queue-move-test"));
        var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var queueId = GrainId.Create(GrainType.Create("outreachqueue"), GrainIdKeyExtensions.CreateIntegerKey(0));
        await storage.WriteStateAsync("outreach-queue", queueId, new GrainState<OutreachQueueState>(new OutreachQueueState { Waiting = [Waiting(1), Waiting(2), Waiting(3)] }));

        Assert.Equal(3, await cluster.Client.GetGrain<IOutreachQueueGrain>(0).CountAsync());
        Assert.Equal(3, await redis.Db.HashLengthAsync("queue-move-test/records/outreach-queue"));
        var emptied = new GrainState<OutreachQueueState>(new OutreachQueueState());
        await storage.ReadStateAsync("outreach-queue", queueId, emptied);
        Assert.Empty(emptied.State?.Waiting ?? []);
    }
}
