using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Customers;
using CxLive.Grains.Storage;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>Hot state stays in memory: storage is written once per checkpoint delay, never per interaction.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CheckpointTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Customer_state_is_written_after_the_checkpoint_delay_not_per_batch()
    {
        var customer = NewCustomer();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer);
        for (var i = 0; i < 5; i++)
        {
            await grain.RecordAsync([Make(customer, ClusterFixture.Start.AddSeconds(i), InteractionTypes.PageView)]);
        }

        Assert.Null(await Stored(customer));

        fixture.Clock.Advance(new CheckpointOptions().Delay);
        // Grain timers run on the fake clock and do not interleave with calls: this call is
        // queued behind the checkpoint turn the advance just fired, so it returns after the write.
        await grain.GetSnapshotAsync();

        Assert.Equal(5, (await Stored(customer))?.InteractionCount);
    }

    private async Task<CustomerState?> Stored(string customer)
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Customers);
        var state = new GrainState<CustomerState>();
        await storage.ReadStateAsync("customer", GrainId.Create("customer", customer), state);
        return state.RecordExists ? state.State : null;
    }
}
