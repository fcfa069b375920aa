using System.Net;
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
public sealed class ConnectionBrowserTests(BrowserFixture fixture) : BrowserTest, IDisposable
{
    protected override BrowserFixture Pages => fixture;

    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    /// <summary>Three failed searches on a touchpoint of the customer's own; her card is on every open wall.</summary>
    private async Task FailedSearchesAsync(string customer) =>
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(FailedSearchesOfHerOwn(customer, DateTimeOffset.UtcNow.AddMinutes(-3))))).StatusCode);

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
        if (path == "/")
        {
            var customer = NewCustomer();
            await FailedSearchesAsync(customer);
            await Assertions.Expect(page.Locator($".alert[data-customer='{customer}']")).ToBeVisibleAsync(new() { Timeout = 5_000 }); // subscribed, not only connected
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agent?agentId=wang.wei")]
    public async Task A_page_whose_connection_the_server_closes_for_good_connects_again_by_itself(string path)
    {
        IWebSocketRoute? socket = null;
        var page = await fixture.NewPageAsync(path, beforeLoad: page => page.RouteWebSocketAsync("**/hubs/cx*", ws =>
        {
            ws.ConnectToServer();
            socket = ws;
        }));
        var first = socket!;

        // SignalR's close message without leave to reconnect, as a server sends when it ends a
        // connection: the client stops rather than reconnecting.
        first.Send("{\"type\":7}\u001e");

        await Assertions.Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live", new() { Timeout = 5_000 });
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        Assert.NotSame(first, socket);
        if (path == "/")
        {
            var customer = NewCustomer();
            await FailedSearchesAsync(customer);
            await Assertions.Expect(page.Locator($".alert[data-customer='{customer}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }
    }
}
