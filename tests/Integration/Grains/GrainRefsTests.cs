using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Customers;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// A reference built by <see cref="GrainRefs"/> from its remembered mapping is the very grain
/// <c>GetGrain</c> names: the same id, the same interface, and a call through it reaches that grain.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainRefsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_built_reference_reaches_the_grain_GetGrain_names()
    {
        var customerId = NewCustomer();
        fixture.Grains.Ref<ICustomerGrain>(NewCustomer()); // the mapping is learnt (if no test did yet)

        var built = fixture.Grains.Ref<ICustomerGrain>(customerId);
        var named = fixture.Grains.GetGrain<ICustomerGrain>(customerId);
        await built.RecordAsync([Make(customerId, fixture.Clock.GetUtcNow(), InteractionTypes.PageView)]);

        Assert.Equal(named.GetGrainId(), built.GetGrainId());
        Assert.Equal(((GrainReference)(object)named).InterfaceType, ((GrainReference)(object)built).InterfaceType);
        Assert.Single((await named.GetSnapshotAsync()).Timeline);
    }

    [Fact]
    public void Integer_keys_build_the_partition_GetGrain_names()
    {
        fixture.Grains.Ref<IAlertBookGrain>(0);

        Assert.Equal(fixture.Grains.GetGrain<IAlertBookGrain>(5).GetGrainId(), fixture.Grains.Ref<IAlertBookGrain>(5).GetGrainId());
    }
}
