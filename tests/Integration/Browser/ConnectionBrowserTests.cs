using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// A page opened while CxLive cannot take its connection (a restart, a front draining behind a
/// balancer), and a page whose connection the server closes for good: each comes live by itself.
/// The agent console and a customer's page opened during a restart stayed "Connecting…" until
/// reloaded, and a console whose connection closed stayed "Disconnected".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    /// <summary>Three failed searches on a touchpoint of the customer's own; her card is on every open wall.</summary>
    private async Task FailedSearchesAsync(string customer) =>
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearchesOfHerOwn(customer, DateTimeOffset.UtcNow.AddMinutes(-3))))).StatusCode);

    [Theory]
    [InlineData("/")]
    [InlineData("/agent?agentId=wang.wei")]
    [InlineData("/customers/c-opened-in-a-restart")]
    public async Task A_page_opened_while_the_server_refuses_its_connection_comes_live_by_itself(string path)
    {
        var refused = 0;
        // As a restarting or draining server answers: 503 to the first two tries.
        var page = await fixture.NewPageAsync(path, beforeLoad: page => page.RouteAsync("**/hubs/cx/negotiate*", async route =>
        {
            if (Interlocked.Increment(ref refused) <= 2)
            {
                await route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } });
            }
            else
            {
                await route.ContinueAsync();
            }
        })); // live within 15 s, or this throws

        Assert.True(refused >= 3, $"{refused} negotiations");
        await FollowsAsync(page, path); // subscribed, not only connected
    }

    /// <summary>The page shows what happens next: the wall a new card, the console a new prompt of its agent's.</summary>
    private async Task FollowsAsync(IPage page, string path)
    {
        var customer = NewCustomer();
        if (path == "/")
        {
            await FailedSearchesAsync(customer);
            await Assertions.Expect(page.Locator($".alert[data-customer='{customer}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }
        else if (path.StartsWith("/agent", StringComparison.Ordinal))
        {
            // An email contact, then a detractor's survey: her prompt goes to wang.wei, who works email.
            var at = DateTimeOffset.UtcNow.AddMinutes(-5);
            Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(
                Make(customer, at, InteractionTypes.Contact, "email/support") with { Channel = Channel.Email },
                Make(customer, at.AddMinutes(1), InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey }))).StatusCode);
            await Assertions.Expect(page.Locator("#queue li", new() { HasText = customer })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agent?agentId=wang.wei")]
    public async Task A_page_whose_connection_the_server_closes_for_good_connects_again_by_itself(string path)
    {
        RoutedHub? hub = null;
        var page = await fixture.NewPageAsync(path, beforeLoad: async page => hub = await RoutedHub.OnAsync(page));

        // SignalR's close message without leave to reconnect, as a server sends when it ends a
        // connection: the client stops rather than reconnecting.
        await hub!.DropAndBackAsync(RoutedHub.Close, "disconnected");
        await FollowsAsync(page, path);
    }

    [Fact]
    public async Task An_agent_chosen_with_the_keys_as_the_connection_drops_leaves_the_picker_on_the_queue_still_open()
    {
        // The choice, taken when the keys rested, could not be sent: the picker said Wang Wei over Li Na's queue, for good.
        RoutedHub? hub = null;
        var page = await fixture.NewPageAsync("/agent?agentId=li.na", beforeLoad: async page =>
        {
            hub = await RoutedHub.OnAsync(page);
            await page.Clock.InstallAsync();
        });
        await page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(1)); // the keys' rest and the page's retries are the test's to time
        await page.RouteAsync("**/hubs/cx/negotiate*", route => route.FulfillAsync(new() { Status = 503 })); // no way back while the test looks
        var picker = page.Locator("#agent");
        await picker.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(picker).ToHaveValueAsync("wang.wei");

        hub!.Socket!.Send(RoutedHub.Close);
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "disconnected");
        await page.Clock.RunForAsync(1_000);

        await Assertions.Expect(picker).ToHaveValueAsync("li.na");
        Assert.EndsWith("agentId=li.na", page.Url);
    }
}
