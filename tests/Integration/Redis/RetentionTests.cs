using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Tests.Integration.Support;
using StackExchange.Redis;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>Privacy:CustomerRetention in Redis mode: a customer's stored state expires; the rest of CxLive's state never does.</summary>
[Collection(WaitingProcessCollection.Name)]
public sealed class RetentionTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_customers_stored_state_carries_the_retention_as_its_expiry_and_nothing_else_expires()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var stream = service + ":interactions";
        var settings = SiloProcess.SettingsFor(redis, service, stream);
        settings["Privacy:CustomerRetention"] = "01:00:00";
        await using var silo = await SiloProcess.StartAsync(settings);

        var customer = NewCustomer();
        await StreamTraffic.AddAsync(redis.Db, stream, Enumerable.Range(0, 3).Select(n => FailedSearch(customer, DateTimeOffset.UtcNow.AddSeconds(n - 60))));
        await StreamTraffic.DrainedAsync(redis.Db, stream, TimeSpan.FromSeconds(60)); // acknowledged only once the customer's state is written

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var keys = await server.KeysAsync(pattern: "*").ToListAsync();
        var customerKey = keys.Single(k => k.ToString().Contains(customer, StringComparison.Ordinal));
        var ttl = await redis.Db.KeyTimeToLiveAsync(customerKey);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        // Her alert's partition (it raised her alert) and the rest are stored without an expiry.
        var partition = keys.Single(k => k.ToString().EndsWith($"/records/alerts-{AlertPartitions.Of(customer, AlertPartitions.DefaultCount)}", StringComparison.Ordinal));
        Assert.Null(await redis.Db.KeyTimeToLiveAsync(partition));
    }
}
