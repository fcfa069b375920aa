using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>The customer view tells what happened, in the customer's own words, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineBrowserTests(BrowserFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_customer_view_shows_a_zero_result_searchs_query_and_never_success()
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-20);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            FailedSearch(customer, at, "red running shoes 42"),
            Make(customer, at.AddMinutes(2), InteractionTypes.QueueWait, "call-center/support-queue", score: 720) with { Channel = Channel.CallCenter },
            Make(customer, at.AddMinutes(15), InteractionTypes.Complaint, "social/weibo", attributes: new() { ["text"] = "still no refund" }) with { Channel = Channel.Social, CaseId = "K-17" }))).StatusCode);

        var page = await fixture.NewPageAsync($"/customers/{customer}");

        var rows = page.Locator("#timeline tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var search = page.Locator("#timeline tr", new() { HasText = "red running shoes 42" });
        await Assertions.Expect(search.Locator("td.what .sentence")).ToHaveTextAsync("searched 'red running shoes 42' — 0 results");
        await Assertions.Expect(search.Locator("td.result")).ToHaveTextAsync("found nothing");
        await Assertions.Expect(search.Locator("td.stage")).ToHaveTextAsync("Research");
        await Assertions.Expect(rows.Nth(1).Locator("td.what .sentence")).ToHaveTextAsync("waited 12 min in call-center/support-queue");
        await Assertions.Expect(rows.Nth(0).Locator("td.what .sentence")).ToHaveTextAsync("complaint case K-17: 'still no refund'");
        await Assertions.Expect(rows.Nth(1).Locator("td.what .badge")).ToHaveTextAsync("evidence: Long wait"); // by name: the wait holds the conversation, the drop it caused folded in
        await Assertions.Expect(page.Locator("#curve")).ToHaveAttributeAsync("data-time-labels", new System.Text.RegularExpressions.Regex(@"^\d{1,2}:\d{2}\s?[AP]M( \| \d{1,2}:\d{2}\s?[AP]M)*$"));
        await Assertions.Expect(page.Locator("#timeline td.result", new() { HasText = "success" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "customer-story.png"), FullPage = true });

        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(search.Locator("td.what .sentence")).ToHaveTextAsync("搜索“red running shoes 42” — 0 条结果");
        await Assertions.Expect(search.Locator("td.result")).ToHaveTextAsync("无结果");
        await Assertions.Expect(search.Locator("td.where")).ToHaveTextAsync("网站 · web/search");
        await Assertions.Expect(rows.Nth(1).Locator("td.what .badge")).ToHaveTextAsync("依据：等待过久");
        // The curve's time axis in the page's language too: "08:40", not "8:40am".
        await Assertions.Expect(page.Locator("#curve")).ToHaveAttributeAsync("data-time-labels", new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}( \| \d{2}:\d{2})*$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "customer-story-zh.png"), FullPage = true });
    }

    [Fact]
    public async Task The_customer_api_tells_each_moment_with_its_result_and_inferred_stage()
    {
        var customer = NewCustomer();
        await _http.PostAsync("api/interactions", Body(
            Make(customer, DateTimeOffset.UtcNow.AddMinutes(-2), InteractionTypes.OrderStatus, "app/orders", Outcome.Failure, attributes: new() { ["orderId"] = "8812" }) with { Stage = null }));

        var item = (await ReadObject(await _http.GetAsync($"api/customers/{customer}")))["timeline"]!.AsArray().Single()!;

        Assert.Equal("looked up order 8812 — failed", (string)item["sentence"]!);
        Assert.Equal("查询订单 8812 — 失败", (string)item["translations"]!["zh-CN"]!);
        Assert.Equal(("failed", "bad", "receive", true), ((string)item["result"]!, (string)item["tone"]!, (string)item["stage"]!, (bool)item["stageInferred"]!));
    }
}
