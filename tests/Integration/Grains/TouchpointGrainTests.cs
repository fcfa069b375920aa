using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Touchpoints;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

[Collection(ClusterCollection.Name)]
public sealed class TouchpointGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Keeps_rolling_counts_and_failure_rate_up_to_now()
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

    [Fact]
    public async Task A_busy_touchpoint_gone_silent_raises_a_critical_alert_and_an_incident_on_time_and_traffic_returning_resolves_them()
    {
        var touchpoint = "app/checkout-" + Guid.NewGuid().ToString("N")[..8];
        var grain = fixture.Grains.GetGrain<ITouchpointGrain>(touchpoint);
        var customer = NewCustomer();

        async Task MinutesOfTrafficAsync(int minutes)
        {
            for (var m = 0; m < minutes; m++)
            {
                var now = fixture.Clock.GetUtcNow();
                await grain.RecordAsync([.. Enumerable.Range(0, 6).Select(n => Make(customer, now.AddSeconds(n), InteractionTypes.Checkout, touchpoint))], null);
                fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        Task<List<Alert>> SilenceAlertsAsync() =>
            fixture.Alerts.QueryAsync(new AlertQuery { Touchpoint = touchpoint, RuleId = "touchpoint-silence" }).ContinueWith(t => t.Result.ToList());

        await MinutesOfTrafficAsync(50);
        Assert.Empty(await SilenceAlertsAsync());

        // Nothing arrives: only the grain's minute timer, on the fake clock, can notice.
        for (var m = 0; m < 12; m++)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var alert = (await Eventually.ResultAsync(SilenceAlertsAsync, found => found.Count > 0, TimeSpan.FromSeconds(10), "the silence alert")).Single();
        Assert.Equal((Severity.Critical, AlertState.Open), (alert.Severity, alert.State));
        var incident = await fixture.Alerts.GetIncidentAsync(Assert.IsType<string>(alert.IncidentId));
        Assert.True(incident!.IsOpen);

        await MinutesOfTrafficAsync(3);
        alert = (await SilenceAlertsAsync()).Single();
        Assert.Equal(AlertState.Resolved, alert.State);
        Assert.False((await fixture.Alerts.GetIncidentAsync(incident.Id))!.IsOpen);
    }
}
