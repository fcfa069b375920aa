using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// An alert partition writes every change before it answers. When that write fails (Redis timed
/// out), the caller gets the error and sends the same signal again. If the partition already holds
/// the change in memory, the second call changes nothing there, and it must still write before
/// saying yes: otherwise the change lives only in that silo's memory while the customer, told it
/// was taken, forgets it, and a crash of the partition's silo would lose it for good.
/// </summary>
public sealed class BookWriteFailureTests
{
    /// <summary>Records kept as embedded mode keeps them, except that the next N writes of an alert partition fail, as a Redis timeout would.</summary>
    private sealed class FlakyRecords : IRecordStore
    {
        public static int FailingWrites;
        public static readonly MemoryRecordStore Inner = new(Options.Create(new ClusterOptions { ServiceId = "flaky", ClusterId = Guid.NewGuid().ToString("N") }));

        public Task<ClaimedRecords> ClaimAsync(string scope) => Inner.ClaimAsync(scope);

        public Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope) => Inner.LoadAsync(scope);

        public Task<bool> HoldsAsync(RecordClaim claim) => Inner.HoldsAsync(claim);

        public Task WriteAsync(RecordClaim claim, IReadOnlyList<KeyValuePair<string, byte[]?>> records) =>
            claim.Scope.StartsWith("alerts-", StringComparison.Ordinal) && Interlocked.Decrement(ref FailingWrites) >= 0
                ? throw new TimeoutException("Redis did not answer")
                : Inner.WriteAsync(claim, records);
    }

    [Fact]
    public async Task A_change_sent_again_after_a_failed_write_is_written_before_the_book_says_it_has_it()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddCxGrains());
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxMemoryStorage().UseInMemoryReminderService();
            silo.Services.AddSingleton<IRecordStore, FlakyRecords>();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var serializer = cluster.GetSiloServiceProvider().GetRequiredService<Serializer>();
        var customer = NewCustomer();
        var grain = cluster.Client.GetGrain<ICustomerGrain>(customer);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        await grain.RecordAsync([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)))]);
        Assert.Equal(AlertState.Open, (await StoredAsync(serializer, customer)).State);

        // The customer found something: its detector resolves the alert. The partition's write of that fails.
        Interaction[] found = [Make(customer, now.AddSeconds(10), InteractionTypes.Search, score: 12)];
        FlakyRecords.FailingWrites = 1;
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RecordAsync([.. found]));

        // The delivery again: the customer sends its waiting signal once more. In the partition's memory
        // the alert is resolved already, so applying it changes nothing; it must be written all the same.
        await grain.RecordAsync([.. found]);

        Assert.Equal(AlertState.Resolved, (await StoredAsync(serializer, customer)).State);
    }

    private static async Task<Alert> StoredAsync(Serializer serializer, string customer)
    {
        var scope = BookRecords.Scope(AlertPartitions.Of(customer, AlertPartitions.DefaultCount));
        return Assert.Single((await FlakyRecords.Inner.LoadAsync(scope))
            .Where(record => record.Key.StartsWith("a:", StringComparison.Ordinal))
            .Select(record => serializer.Deserialize<Alert>(record.Value)!), a => a.CustomerId == customer);
    }
}
