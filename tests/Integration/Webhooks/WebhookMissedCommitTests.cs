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

/// <summary>
/// A change the partition wrote but whose deliveries the outbox could not store is not lost: the next
/// commit shows the gap, and the outbox sends what it missed, as it now is; and a gap that is not one
/// (changes no target wanted) sends nothing again.
/// </summary>
public sealed class WebhookMissedCommitTests
{
    /// <summary>The cluster's records in memory, except that the next write of new deliveries by a webhook outbox fails (as Redis would, or a silo dying then).</summary>
    private sealed class OutboxWriteFails(IRecordStore inner) : IRecordStore
    {
        public bool FailNext { get; set; }

        /// <summary>Activations of webhook outboxes (each claims its records).</summary>
        public int OutboxClaims { get; private set; }

        /// <summary>Reads of a partition's records by its outbox: a gap it saw in the partition's numbers.</summary>
        public int GapReads { get; private set; }

        public Task<ClaimedRecords> ClaimAsync(string scope)
        {
            OutboxClaims += scope.StartsWith("webhooks-", StringComparison.Ordinal) ? 1 : 0;
            return inner.ClaimAsync(scope);
        }

        public Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope)
        {
            GapReads += scope.StartsWith("alerts-", StringComparison.Ordinal) ? 1 : 0;
            return inner.LoadAsync(scope);
        }

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

    private sealed class Outbox(InProcessTestCluster cluster, WebhookReceiver receiver, OutboxWriteFails store) : IAsyncDisposable
    {
        public WebhookReceiver Receiver => receiver;
        public OutboxWriteFails Store => store;
        public ClusterAlerts Alerts { get; } = new(cluster.Client, AlertPartitions.DefaultCount);
        public IGrainFactory Grains => cluster.Client;

        /// <summary>Customers whose alerts go to one partition (so that one's changes show the other's gap).</summary>
        public List<string> OnePartition(string first, int count) =>
            [.. Enumerable.Range(0, 1000).Select(n => $"{first}-{n}").Where(c => AlertPartitions.Of(c, Alerts.Partitions) == AlertPartitions.Of(first, Alerts.Partitions)).Take(count)];

        public async ValueTask DisposeAsync()
        {
            await cluster.DisposeAsync();
            await receiver.DisposeAsync();
        }
    }

    private static async Task<Outbox> StartAsync(params string[] events)
    {
        var receiver = new WebhookReceiver();
        OutboxWriteFails? store = null;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxGrains().AddCxWebhooks(); // the real HTTP transport, to the test receiver
            host.Services.Configure<WebhookOptions>(o => o.Targets = [new() { Name = "ops", Url = receiver.Url("ops").ToString(), Secret = WebhookClusterFixture.Secret, Events = [.. events] }]);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxMemoryStorage().UseInMemoryReminderService();
            silo.Services.AddSingleton<IRecordStore>(sp => store = new OutboxWriteFails(new MemoryRecordStore(sp.GetRequiredService<IOptions<ClusterOptions>>())));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new Outbox(cluster, receiver, store!);
    }

    private static AlertSignal Raise(string customer, string detail = "540 s") =>
        new() { Kind = SignalKind.Raise, RuleId = "long-wait", CustomerId = customer, Title = "waited", Detail = detail, At = DateTimeOffset.UtcNow };

    private static string Of(string customer) => $"\"customerId\":\"{customer}\"";

    [Fact]
    public async Task An_alert_whose_deliveries_could_not_be_stored_is_sent_with_the_partitions_next_change()
    {
        await using var outbox = await StartAsync();
        var first = "wh-gap-" + Guid.NewGuid().ToString("N")[..8];
        var (earlier, second) = outbox.OnePartition(first, 2) switch { var c => (c[0], c[1]) };
        await outbox.Alerts.BookOfCustomer(earlier).ApplyAsync([Raise(earlier)]); // the outbox has stored deliveries before
        await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(earlier))), "the earlier raise");

        outbox.Store.FailNext = true;
        // The change is kept and goes on to walls and agents: failing here told nobody of a stored
        // alert, and the same batch sent again is "already kept".
        Assert.Single(await outbox.Alerts.BookOfCustomer(first).ApplyAsync([Raise(first)]));
        await outbox.Alerts.BookOfCustomer(second).ApplyAsync([Raise(second)]);

        var got = await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(first))) && all.Any(r => r.Text.Contains(Of(second))), "both raises");
        Assert.Equal(["alert.raised", "alert.raised"], got.Where(r => r.Text.Contains(Of(first)) || r.Text.Contains(Of(second))).Select(r => r.Event));
    }

    /// <summary>The webhook review: a repeat in the gap has one step in its history, and was sent as a second raise.</summary>
    [Fact]
    public async Task An_alert_seen_again_in_a_missed_commit_is_sent_as_an_update_not_a_second_raise()
    {
        await using var outbox = await StartAsync();
        var repeated = "wh-again-" + Guid.NewGuid().ToString("N")[..8];
        var next = outbox.OnePartition(repeated, 1)[0];
        await outbox.Alerts.BookOfCustomer(repeated).ApplyAsync([Raise(repeated)]);
        await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(repeated))), "the raise");

        outbox.Store.FailNext = true;
        await outbox.Alerts.BookOfCustomer(repeated).ApplyAsync([Raise(repeated, "780 s")]); // seen again, in fresher words
        await outbox.Alerts.BookOfCustomer(next).ApplyAsync([Raise(next)]);

        var got = await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(next))) && all.Count(r => r.Text.Contains(Of(repeated))) >= 2, "the missed change");
        Assert.Equal(["alert.raised", "alert.updated"], got.Where(r => r.Text.Contains(Of(repeated))).Select(r => r.Event));
        Assert.Contains("780 s", got.Last(r => r.Text.Contains(Of(repeated))).Text);
    }

    /// <summary>
    /// The webhook review: a change no target wanted moved the outbox's number in memory only, and
    /// after the outbox was collected the next change showed a gap, which sent the alert out again.
    /// </summary>
    [Fact]
    public async Task Changes_no_target_wanted_are_not_sent_after_the_outbox_is_collected()
    {
        await using var outbox = await StartAsync("alert.raised", "alert.resolved");
        var repeated = "wh-idle-" + Guid.NewGuid().ToString("N")[..8];
        var next = outbox.OnePartition(repeated, 1)[0];
        await outbox.Alerts.BookOfCustomer(repeated).ApplyAsync([Raise(repeated)]);
        await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(repeated))), "the raise");
        await outbox.Alerts.BookOfCustomer(repeated).ApplyAsync([Raise(repeated, "780 s")]); // an update: no target wants it

        var (claims, gapReads) = (outbox.Store.OutboxClaims, outbox.Store.GapReads);
        await outbox.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await outbox.Alerts.BookOfCustomer(next).ApplyAsync([Raise(next)]);

        var got = await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(next))), "the next raise");
        Assert.Single(got, r => r.Text.Contains(Of(repeated)));
        Assert.True(outbox.Store.OutboxClaims > claims, "the outbox was collected and started again");
        Assert.Equal(gapReads, outbox.Store.GapReads); // its number was noted when it was collected: no gap to read
    }

    /// <summary>The webhook review: raised and resolved in one commit went out as "alert.raised" with state resolved, and a target of resolutions heard nothing.</summary>
    [Fact]
    public async Task An_alert_raised_and_resolved_in_one_commit_is_sent_as_resolved()
    {
        await using var outbox = await StartAsync("alert.resolved");
        var customer = "wh-brief-" + Guid.NewGuid().ToString("N")[..8];
        await outbox.Alerts.BookOfCustomer(customer).ApplyAsync([Raise(customer), new() { Kind = SignalKind.Resolve, RuleId = "long-wait", CustomerId = customer, At = DateTimeOffset.UtcNow }]);

        var got = await outbox.Receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(Of(customer))), "the resolution");
        var sent = Assert.Single(got, r => r.Text.Contains(Of(customer)));
        Assert.Equal(("alert.resolved", "resolved"), (sent.Event, sent.Json.GetProperty("alert").GetProperty("state").GetString()));
    }
}
