using CxLive.Journeys;
using CxLive.Tests.Integration.Support;
using CxLive.Touchpoints;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

[Collection(ClusterCollection.Name)]
public sealed class TouchpointGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task KeepsRollingCountsAndFailureRate_UpToNow()
    {
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..8];
        var grain = fixture.Grains.GetGrain<ITouchpointGrain>(touchpoint);
        var now = fixture.Clock.GetUtcNow();
        var customer = NewCustomer();

        await grain.RecordAsync(
        [
            Make(customer, now.AddMinutes(-30), InteractionTypes.Search, touchpoint, Outcome.Failure),
            Make(customer, now.AddMinutes(-2), InteractionTypes.Search, touchpoint, Outcome.Failure),
            Make(customer, now.AddMinutes(-1), InteractionTypes.Search, touchpoint),
            Make(customer, now, InteractionTypes.Search, touchpoint),
        ], null);

        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(touchpoint, snapshot.Touchpoint);
        Assert.Equal((4, 2), (snapshot.Total, snapshot.Failures));
        Assert.Equal(new WindowCounts(3, 1), snapshot.Last5Minutes);
        Assert.Equal(new WindowCounts(4, 2), snapshot.LastHour);
        Assert.Equal(now, snapshot.LastSeen);
    }
}
