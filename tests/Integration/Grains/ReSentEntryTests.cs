using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Customers;
using CxLive.Grains.Telemetry;
using CxLive.Grains.Touchpoints;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// One interaction id in two stream entries: an integrator re-sent it after a <c>503</c> whose append
/// Redis took after all. A customer tells a delivery again of the entry it took the id from (its
/// touchpoint may have lost the count) from the other copy (its touchpoint counted the id already).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReSentEntryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_customer_calls_a_duplicate_recent_only_when_it_is_the_same_entry_delivered_again()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(NewCustomer());
        var sent = Make(customer.GetPrimaryKeyString(), fixture.Clock.GetUtcNow(), InteractionTypes.PageView);

        await customer.RecordAsync([sent with { StreamEntry = 2 }]);
        var sameEntry = await customer.RecordAsync([sent with { StreamEntry = 2 }]);
        var otherEntry = await customer.RecordAsync([sent with { StreamEntry = 1 }]);

        Assert.Equal([0], sameEntry.RecentDuplicateIndexes.ToArray());
        Assert.Equal([0], otherEntry.DuplicateIndexes.ToArray());
        Assert.Empty(otherEntry.RecentDuplicateIndexes);
    }

    [Fact]
    public async Task The_first_copy_taken_over_after_the_re_send_was_acknowledged_is_not_counted_again_by_its_touchpoint()
    {
        var touchpoint = "web/resent-" + Guid.NewGuid().ToString("N")[..8];
        var sent = Make(NewCustomer(), fixture.Clock.GetUtcNow(), InteractionTypes.PageView, touchpoint);
        var dispatcher = new InteractionDispatcher(
            fixture.Grains, fixture.Cluster.GetSiloServiceProvider().GetRequiredService<CxMetrics>(), fixture.Clock);

        // The re-send is read, counted and acknowledged: the touchpoint forgets the ids it held for the consumer.
        var cycle = new DeliveryCycle("consumer-a");
        await dispatcher.DispatchAsync([sent with { StreamEntry = 2 }], cycle);
        await fixture.Grains.GetGrain<ITouchpointGrain>(touchpoint).ReleaseAsync(cycle.Consumer);
        cycle.Clear();

        // The first copy, handed to the consumer by a read whose answer was lost, is taken over later.
        await dispatcher.DispatchAsync([sent with { StreamEntry = 1 }], cycle, redelivery: true);

        Assert.Equal(1, (await fixture.Grains.GetGrain<ITouchpointGrain>(touchpoint).GetSnapshotAsync()).Total);
    }
}
