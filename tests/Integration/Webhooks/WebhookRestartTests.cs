using CxLive.Contracts.Alerts;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Redis;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Grains.Webhooks;
using CxLive.Silo.Hosting;
using CxLive.Silo.Redis;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Webhooks;

/// <summary>Redis mode: a delivery still pending when the cluster stops is in Redis, and the cluster that starts next sends it.</summary>
public sealed class WebhookRestartTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private readonly string _service = "wh-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<InProcessTestCluster> StartAsync(RedisConnection connection, WebhookReceiver receiver)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxGrains().AddCxWebhooks(); // the real HTTP transport, to the test receiver
            host.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ClusterFixture.Start));
            host.Services.Configure<WebhookOptions>(o => o.Targets = [new() { Name = "ops", Url = receiver.Url("ops").ToString(), Secret = WebhookClusterFixture.Secret }]);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxMemoryStorage().UseInMemoryReminderService();
            silo.Services.AddSingleton<IRecordStore>(new RedisRecordStore(connection, _service));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task A_delivery_pending_when_the_cluster_stops_is_sent_by_the_next_one_with_the_same_delivery_id()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        await using var receiver = new WebhookReceiver();
        var customer = "wh-restart-" + Guid.NewGuid().ToString("N")[..8];
        receiver.Answer("ops", customer, [.. Enumerable.Repeat(503, 100)]);

        Alert alert;
        await using (var first = await StartAsync(connection, receiver))
        {
            alert = Assert.Single(await new ClusterAlerts(first.Client, AlertPartitions.DefaultCount).BookOfCustomer(customer).ApplyAsync([new AlertSignal
            {
                Kind = SignalKind.Raise, RuleId = "long-wait", CustomerId = customer, Title = "waited", Detail = "540 s", At = ClusterFixture.Start,
            }]));
            await receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(customer) && r.AnsweredWith == 503), "the first, failing, try");
            Assert.Single(await DeliveryRecordsAsync(alert.Partition));
        }

        var failed = receiver.All.First(r => r.Text.Contains(customer));
        receiver.Answer("ops", customer); // the receiver is back
        await using var second = await StartAsync(connection, receiver);

        var delivered = (await receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(customer) && r.AnsweredWith == 200), "the delivery after the restart"))
            .Single(r => r.Text.Contains(customer) && r.AnsweredWith == 200);
        Assert.Equal((failed.DeliveryId, failed.Text), (delivered.DeliveryId, delivered.Text));
        Assert.Equal(alert.Id, delivered.Json.GetProperty("alert").GetProperty("id").GetString());
        await Eventually.TrueAsync(async () => (await DeliveryRecordsAsync(alert.Partition)).Count == 0, TimeSpan.FromSeconds(10), "the delivered record to be deleted");
    }

    private async Task<List<string>> DeliveryRecordsAsync(int partition) =>
        [.. (await redis.Db.HashKeysAsync($"{_service}/records/webhooks-{partition}")).Select(k => k.ToString()).Where(k => k.StartsWith("d:", StringComparison.Ordinal))];
}
