using System.Net;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.EndToEnd;

/// <summary>The product's first promise end to end: interactions posted over HTTP reach a wall client as alerts.</summary>
[Collection(AppCollection.Name)]
public sealed class AlertToWallTests(AppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Three_failed_searches_reach_the_wall_as_alert_raised_and_the_fix_as_alert_updated()
    {
        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow;
        await using var wall = await WallClient.ConnectAsync(fixture.App.BaseAddress);
        await using var bystander = await WallClient.ConnectAsync(fixture.App.BaseAddress, subscribeToWall: false);
        using var http = fixture.App.CreateHttpClient();
        var searches = new[]
        {
            FailedSearch(customer, now.AddMinutes(-4), "red running shoes 42"),
            FailedSearch(customer, now.AddMinutes(-3), "red running shoe"),
            FailedSearch(customer, now.AddMinutes(-1), "running shoes red"),
        };

        var posted = await http.PostAsync("api/interactions", Body(searches));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var (method, raised) = await wall.NextForAsync(customer, Patience);

        Assert.Equal("alertRaised", method);
        Assert.Equal("repeated-failed-search", raised.RuleId);
        Assert.Equal(Severity.Warning, raised.Severity);
        Assert.Equal(AlertState.Open, raised.State);
        Assert.Equal("web/search", raised.Touchpoint);
        Assert.Equal("3 failed searches in 3 min", raised.Title);
        Assert.Equal("3 searches found nothing in 3 min: 'red running shoes 42', 'red running shoe', 'running shoes red'", raised.Detail);
        Assert.Equal(searches.Select(s => s.Id), raised.Evidence);

        await http.PostAsync("api/interactions", Body(Make(customer, now, InteractionTypes.AddToCart, "web/cart")));
        var (updateMethod, resolved) = await wall.NextForAsync(customer, Patience);
        while (resolved.State != AlertState.Resolved)
        {
            // e.g. the outreach desk assigning it to an agent in between
            Assert.Equal("alertUpdated", updateMethod);
            (updateMethod, resolved) = await wall.NextForAsync(customer, Patience);
        }

        Assert.Equal("alertUpdated", updateMethod);
        Assert.Equal(raised.Id, resolved.Id);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Empty(await bystander.ReceivedForAsync(customer));
    }
}
