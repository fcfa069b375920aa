using System.Net;
using System.Text.Json;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// An embedded-mode process keeps its alerts in memory: restarted, it starts from nothing and numbers
/// its changes from 0 again. A wall left open across the restart must not go on showing the old
/// process's cards and counts under a "Live" badge (acting on one would answer 404).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RestartBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static async Task<string> DetractorAsync(HttpClient http)
    {
        var customer = NewCustomer();
        var survey = Make(customer, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(survey))).StatusCode);
        return customer;
    }

    [Fact]
    public async Task A_wall_open_across_a_restart_of_the_embedded_server_drops_what_the_old_one_showed()
    {
        var first = new CxLiveApp();
        var port = first.BaseAddress.Port;
        IPage page;
        string before;
        try
        {
            using var http = first.CreateHttpClient();
            before = await DetractorAsync(http);
            var alert = (await Eventually.ResultAsync(async () => (await ReadArray(await http.GetAsync($"api/alerts?customerId={before}"))).FirstOrDefault(),
                a => a is not null, Patience, "the alert raised"))!;

            // The server has passed the alert on to its clients, so the page's position includes it.
            await using var hub = new HubConnectionBuilder().WithUrl(new Uri(first.BaseAddress, "hubs/cx")).Build();
            await hub.StartAsync();
            await Eventually.TrueAsync(async () =>
            {
                var resumed = await hub.InvokeAsync<JsonElement>("SubscribeWall", null);
                return resumed.GetProperty("position").GetProperty("alerts").TryGetProperty(((int)alert["partition"]!).ToString(), out var sent)
                    && sent.GetInt64() >= (long)alert["sequence"]!;
            }, Patience, "the server to have sent the alert");

            page = await fixture.NewPageAsync("/", first);
            await Assertions.Expect(page.Locator($".alert[data-customer='{before}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("#stat-open")).ToHaveTextAsync("1");
        }
        finally
        {
            first.Dispose();
        }

        // The same address, a new process: nothing from before exists there.
        using var second = new CxLiveApp(port: port);
        await Assertions.Expect(page.Locator($".alert[data-customer='{before}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#stat-open")).ToHaveTextAsync("0");

        // And it follows the new process live.
        using var newHttp = second.CreateHttpClient();
        var after = await DetractorAsync(newHttp);
        await Assertions.Expect(page.Locator($".alert[data-customer='{after}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }
}
