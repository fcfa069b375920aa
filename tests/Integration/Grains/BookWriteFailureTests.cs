using System.Collections.Concurrent;
using CxLive.Alerts;
using CxLive.Customers;
using CxLive.Hosting;
using CxLive.Journeys;
using CxLive.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// In Redis mode the alert book writes every change before it answers. When that write fails (Redis
/// timed out), the caller gets the error and sends the same signal again. If the book already holds
/// the change in memory, the second call changes nothing there, and it must still write before
/// saying yes: otherwise the change lives only in that silo's memory while the customer, told it
/// was taken, forgets it, and a crash of the book's silo would lose it for good.
/// </summary>
public sealed class BookWriteFailureTests
{
    /// <summary>Grain storage in a dictionary that fails the next N writes of the alert book, as a Redis timeout would.</summary>
    private sealed class FlakyStorage : IGrainStorage
    {
        public static int FailingWrites;
        public static readonly ConcurrentDictionary<GrainId, object> Written = new();

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Written.TryGetValue(grainId, out var state))
            {
                grainState.State = (T)state;
                grainState.RecordExists = true;
            }

            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (grainState.State is AlertBookState && Interlocked.Decrement(ref FailingWrites) >= 0)
            {
                throw new TimeoutException("Redis did not answer");
            }

            // A deep copy, as Redis would hold: later changes in memory must not show up here unwritten.
            var copier = Serializer.GetRequiredService<Orleans.Serialization.DeepCopier<T>>();
            Written[grainId] = copier.Copy(grainState.State)!;
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Written.TryRemove(grainId, out _);
            return Task.CompletedTask;
        }

        public static IServiceProvider Serializer { get; set; } = null!;
    }

    [Fact]
    public async Task A_change_sent_again_after_a_failed_write_is_written_before_the_book_says_it_has_it()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxCore();
            host.Services.Configure<CheckpointOptions>(o => o.AlertsWriteThrough = true);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Customers).UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<IGrainStorage, FlakyStorage>(StorageNames.State);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        FlakyStorage.Serializer = cluster.GetSiloServiceProvider();
        var customer = NewCustomer();
        var grain = cluster.Client.GetGrain<ICustomerGrain>(customer);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        await grain.RecordAsync([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)))]);
        Assert.Equal(AlertState.Open, Stored(customer).State);

        // The customer found something: its detector resolves the alert. The book's write of that fails.
        Interaction[] found = [Make(customer, now.AddSeconds(10), InteractionTypes.Search, score: 12)];
        FlakyStorage.FailingWrites = 1;
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RecordAsync([.. found]));

        // The delivery again: the customer sends its waiting signal once more. In the book's memory
        // the alert is resolved already, so applying it changes nothing; it must be written all the same.
        await grain.RecordAsync([.. found]);

        Assert.Equal(AlertState.Resolved, Stored(customer).State);
    }

    private static Alert Stored(string customer) =>
        Assert.Single(Assert.Single(FlakyStorage.Written.Values.OfType<AlertBookState>()).ById.Values, a => a.CustomerId == customer);
}
