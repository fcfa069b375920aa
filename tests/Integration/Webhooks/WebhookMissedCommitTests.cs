using CxLive.Contracts.Alerts;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Grains.Webhooks;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Webhooks;

/// <summary>A change the partition wrote but whose deliveries the outbox could not store is not lost: the next commit shows the gap, and the outbox sends what it missed.</summary>
public sealed class WebhookMissedCommitTests
{
    /// <summary>The cluster's records in memory, except that the next write of new deliveries by a webhook outbox fails (as Redis would, or a silo dying then).</summary>
    private sealed class OutboxWriteFails(IRecordStore inner) : IRecordStore
    {
        public bool FailNext { get; set; }

        public Task<ClaimedRecords> ClaimAsync(string scope) => inner.ClaimAsync(scope);

        public Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope) => inner.LoadAsync(scope);

        public Task<bool> HoldsAsync(RecordClaim claim) => inner.HoldsAsync(claim);

        public Task WriteAsync(RecordClaim claim, IReadOnlyList<KeyValuePair<string, byte[]?>> records)
        {
            if (FailNext && claim.Scope.StartsWith("webhooks-", StringComparison.Ordinal) && records.Any(r => r.Value is not null && r.Key.StartsWith("d:", StringComparison.Ordinal)))
            {
                FailNext = false;
                throw new IOException("the outbox's write failed");
            }

            return inner.WriteAsync(claim, records);
        }
    }

    [Fact]
    public async Task An_alert_whose_deliveries_could_not_be_stored_is_sent_with_the_partitions_next_change()
    {
        await using var receiver = new WebhookReceiver();
        OutboxWriteFails? store = null;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxGrains().AddCxWebhooks(); // the real HTTP transport, to the test receiver
            host.Services.Configure<WebhookOptions>(o => o.Targets = [new() { Name = "ops", Url = receiver.Url("ops").ToString(), Secret = WebhookClusterFixture.Secret }]);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxMemoryStorage().UseInMemoryReminderService();
            silo.Services.AddSingleton<IRecordStore>(sp => store = new OutboxWriteFails(new MemoryRecordStore(sp.GetRequiredService<IOptions<ClusterOptions>>())));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var first = "wh-gap-" + Guid.NewGuid().ToString("N")[..8];
        var samePartition = Enumerable.Range(0, 1000).Select(n => $"{first}-{n}").Where(c => AlertPartitions.Of(c, alerts.Partitions) == AlertPartitions.Of(first, alerts.Partitions)).Take(2).ToList();
        var (earlier, second) = (samePartition[0], samePartition[1]);
        AlertSignal Raise(string customer) => new() { Kind = SignalKind.Raise, RuleId = "long-wait", CustomerId = customer, Title = "waited", Detail = "540 s", At = DateTimeOffset.UtcNow };
        await alerts.BookOfCustomer(earlier).ApplyAsync([Raise(earlier)]); // the outbox has stored deliveries before
        await receiver.WaitForAsync(all => all.Any(r => r.Text.Contains($"\"customerId\":\"{earlier}\"")), "the earlier raise");

        store!.FailNext = true;
        await Assert.ThrowsAnyAsync<Exception>(() => alerts.BookOfCustomer(first).ApplyAsync([Raise(first)]));
        Assert.NotNull(Assert.Single(await alerts.BookOfCustomer(first).QueryAsync(new AlertQuery { CustomerId = first })));
        await alerts.BookOfCustomer(second).ApplyAsync([Raise(second)]);

        var got = await receiver.WaitForAsync(all => all.Any(r => r.Text.Contains($"\"customerId\":\"{first}\"")) && all.Any(r => r.Text.Contains($"\"customerId\":\"{second}\"")), "both raises");
        Assert.Equal(["alert.raised", "alert.raised"], got.Where(r => r.Text.Contains($"\"customerId\":\"{first}\"") || r.Text.Contains($"\"customerId\":\"{second}\"")).Select(r => r.Event));
    }
}
