using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Alerts;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using CxLive.Silo.Redis;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using static CxLive.Tests.Integration.Grains.PartitionedAlertsTests;

namespace CxLive.Tests.Integration.Grains;

/// <summary>An alert partition stored in a real Redis: a change to one alert writes that alert's record, not the partition.</summary>
public sealed class PartitionRecordsRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>A one-silo cluster whose partitions store in <paramref name="store"/>; one partition holds every alert, the worst case for writes that grow with what is stored.</summary>
    private static async Task<(InProcessTestCluster Cluster, ClusterAlerts Alerts)> StartAsync(IRecordStore store)
    {
        var cluster = await RecordingStore.StartClusterAsync(store);
        return (cluster, new ClusterAlerts(cluster.Client, 1));
    }

    [Fact]
    public async Task In_redis_acknowledging_one_alert_of_many_writes_that_alert_and_two_small_counters()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        var store = new RecordingStore(new RedisRecordStore(connection, "partitions-test"));
        var (cluster, alerts) = await StartAsync(store);
        await using var _ = cluster;
        var book = alerts.Book(0);
        for (var n = 0; n < 500; n += 50)
        {
            await book.ApplyAsync([.. Enumerable.Range(n, 50).Select(i => Raise("detractor", $"c-{i}"))]);
        }

        var one = (await book.QueryAsync(new AlertQuery { Limit = 1 })).Single();
        store.Writes.Clear();
        await alerts.ActAsync(one.Id, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "li" });

        var write = Assert.Single(store.Writes);
        Assert.Equal([BookRecords.AlertRecord(one.Id), BookRecords.FiguresRecord, BookRecords.SequenceRecord], write.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.InRange(write.Sum(r => r.Value!.Length + r.Key.Length), 1, 4096);
        Assert.Equal(500 + 2 + 500, await redis.Db.HashLengthAsync("partitions-test/records/alerts-0")); // 500 alerts, their 500 budgets, 2 counters
    }

    [Fact]
    public async Task In_redis_one_more_alert_joining_an_outage_of_500_writes_that_alert_not_the_incident_s_members()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        var store = new RecordingStore(new RedisRecordStore(connection, "incident-test"));
        var (cluster, alerts) = await StartAsync(store);
        var book = alerts.Book(0);
        var outage = (await book.ApplyAsync([Raise(RuleIds.TouchpointDegradation, "x") with { CustomerId = null, Severity = Severity.Critical }])).Single();
        for (var n = 0; n < 500; n += 50)
        {
            await book.ApplyAsync([.. Enumerable.Range(n, 50).Select(i => Raise(RuleIds.RepeatedFailedSearch, $"c-{i}"))]);
        }

        store.Writes.Clear();
        var joined = (await book.ApplyAsync([Raise(RuleIds.RepeatedFailedSearch, "c-late")])).Single();

        var write = Assert.Single(store.Writes);
        Assert.Contains(BookRecords.AlertRecord(joined.Id), write.Select(r => r.Key));
        Assert.InRange(write.Sum(r => r.Value!.Length + r.Key.Length), 1, 4096);
        var incident = (await book.GetIncidentAsync(outage.IncidentId!))!;
        Assert.Equal((501, 501, 501), (incident.AbsorbedAlerts, incident.AffectedCustomers, incident.AlertIds.Length));
        Assert.Contains(joined.Id, incident.AlertIds);
        Assert.Empty((await book.IncidentsAsync(openOnly: true)).Single().AlertIds); // lists and pushes carry the counts

        // A new activation reads the members back from their records: the same incident, the same members.
        await cluster.DisposeAsync();
        (cluster, alerts) = await StartAsync(new RedisRecordStore(connection, "incident-test"));
        await using var __ = cluster;
        var reloaded = (await alerts.Book(0).GetIncidentAsync(outage.IncidentId!))!;
        Assert.Equal((501, 501), (reloaded.AbsorbedAlerts, reloaded.AffectedCustomers));
        Assert.Equal(incident.AlertIds.Order(), reloaded.AlertIds.Order());
        Assert.Equal(incident.Customers.Order(), reloaded.Customers.Order());
    }
}
