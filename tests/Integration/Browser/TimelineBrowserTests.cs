using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>The customer view tells what happened, in the customer's own words, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    [Fact]
    public async Task An_english_page_writes_times_the_way_the_readers_browser_does()
    {
        // A 12-hour month-first "12/5/26, 2:26:30 PM" for everyone, however their browser was set;
        // today's rows by the time of day alone, as a card's history ("2:26:30 PM").
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearch(customer, at, "wellies")))).StatusCode);

        var british = await fixture.NewPageAsync($"/customers/{customer}", locale: "en-GB");
        await Assertions.Expect(british.Locator("#timeline tr td.time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4}, \d{2}:\d{2}:\d{2}$"));
        await Assertions.Expect(british.Locator("#timeline tr td.result")).ToHaveTextAsync("found nothing"); // the page's words stay English
        var american = await fixture.NewPageAsync($"/customers/{customer}");
        await Assertions.Expect(american.Locator("#timeline tr td.time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}:\d{2}\s[AP]M$"));

        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearch(customer, now, "wellies size 6")))).StatusCode);
        await american.ReloadAsync();
        var today = await american.EvaluateAsync<bool>("iso => new Date(iso).toDateString() === new Date().toDateString()", now.ToString("O")); // five seconds ago may be yesterday, at midnight
        await Assertions.Expect(american.Locator("#timeline tr", new() { HasText = "size 6" }).Locator("td.time")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(today ? @"^\d{1,2}:\d{2}:\d{2}\s[AP]M$" : @"^\d{1,2}/\d{1,2}/\d{2}, "));
        await british.Context.CloseAsync();
        await american.Context.CloseAsync();
    }

    [Fact]
    public async Task A_moment_in_an_alerts_words_reads_in_the_readers_time_without_the_date_when_today()
    {
        // "Complaint reply due in 19 min" still said 19 min 18 min later: titles carry the moment,
        // in UTC, and every page writes it the reader's way, as it writes its other times.
        var page = await fixture.NewPageAsync("/customers/nobody-yet");
        const string Words = "async title => (await import('/i18n.js')).wordsOf({ title }).title";
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddHours(12).AddMinutes(29)); // 12:29 UTC: the same day in the browser's zone, from UTC−11 to UTC+11
        var later = today.AddDays(2);

        var soon = await page.EvaluateAsync<string>(Words, $"Complaint reply due by {today:u}");
        var far = await page.EvaluateAsync<string>(Words, $"Complaint reply due by {later:u}");

        Assert.Equal(await page.EvaluateAsync<string>("iso => 'Complaint reply due by ' + new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(iso))", today.ToString("O")), soon);
        Assert.Matches(@"^Complaint reply due by \d{1,2}/\d{1,2}/\d{2}, \d{1,2}:29\s[AP]M$", far);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_customer_view_shows_a_zero_result_searchs_query_and_never_success()
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-20);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(
            FailedSearch(customer, at, "red running shoes 42"),
            Make(customer, at.AddMinutes(2), InteractionTypes.QueueWait, "call-center/support-queue", score: 720) with { Channel = Channel.CallCenter },
            Make(customer, at.AddMinutes(15), InteractionTypes.Complaint, "social/weibo", attributes: new() { ["text"] = "still no refund" }) with { Channel = Channel.Social, CaseId = "K-17" },
            Make(customer, at.AddMinutes(16), InteractionTypes.Contact, "email/support") with { Channel = Channel.Email }))).StatusCode);

        var page = await fixture.NewPageAsync($"/customers/{customer}");

        var rows = page.Locator("#timeline tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        var contact = rows.Nth(0);
        rows = page.Locator("#timeline tr").Filter(new() { HasNotText = "email/support" });
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
        // She got in touch: not "已联系", the agent's own button, which read as "we reached her" (the user trial).
        await Assertions.Expect(contact.Locator("td.result")).ToHaveTextAsync("来询");
        await Assertions.Expect(rows.Nth(0).Locator("td.what .sentence")).ToHaveTextAsync("投诉（工单 K-17）：“still no refund”"); // the case is 工单 here as in an alert's context
        await Assertions.Expect(rows.Nth(1).Locator("td.what .badge")).ToHaveTextAsync("依据：等待过久");
        // The curve's time axis in the page's language too: "08:40", not "8:40am".
        await Assertions.Expect(page.Locator("#curve")).ToHaveAttributeAsync("data-time-labels", new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}( \| \d{2}:\d{2})*$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "customer-story-zh.png"), FullPage = true });
    }

    /// <summary>A long sentence beside it once squeezed the "Where" column until touchpoints broke mid-word ("app/recommen | dations").</summary>
    [Fact]
    public async Task On_a_laptop_each_touchpoint_in_the_timeline_reads_whole_on_one_line()
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(
            FailedSearch(customer, at, "stainless steel espresso machine with milk frother and grinder") with { Channel = Channel.App, Touchpoint = "app/search" },
            Make(customer, at.AddSeconds(20), InteractionTypes.RecommendationShown, "app/recommendations") with { Channel = Channel.App },
            Make(customer, at.AddSeconds(40), InteractionTypes.RecommendationClicked, "app/recommendations") with { Channel = Channel.App },
            Make(customer, at.AddSeconds(60), InteractionTypes.QueueWait, "call-center/support-queue", score: 720) with { Channel = Channel.CallCenter }))).StatusCode);

        var page = await fixture.NewPageAsync($"/customers/{customer}");
        await page.SetViewportSizeAsync(1280, 720);
        await Assertions.Expect(page.Locator("#timeline tr")).ToHaveCountAsync(4);
        // The lines each cell's touchpoint takes, from the boxes of its letters.
        var lines = await page.Locator("#timeline td.where").EvaluateAllAsync<string[]>("""
            cells => cells.map(cell => {
              const name = cell.textContent.slice(cell.textContent.indexOf(' · ') + 3);
              const from = cell.textContent.length - name.length;
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              const tops = new Set();
              let offset = 0;
              for (let node = walker.nextNode(); node; offset += node.length, node = walker.nextNode())
                for (let at = Math.max(0, from - offset); at < node.length; at++) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + 1);
                  tops.add(Math.round(range.getBoundingClientRect().top));
                }
              return `${name}: ${tops.size}`;
            })
            """);
        Assert.All(lines, line => Assert.EndsWith(": 1", line));
        await Assertions.Expect(page.Locator("#timeline tr").First.Locator("td.where")).ToHaveTextAsync("Call center · call-center/support-queue"); // not broken at its hyphens
        await Assertions.Expect(page.Locator("#timeline tr").Nth(1).Locator("td.where")).ToHaveTextAsync("App · app/recommendations");
    }

    /// <summary>One failed search raises nothing of her own; whoever looks her up must still see the outage she ran into.</summary>
    /// <summary>
    /// After the page's clock moves 10 s: a read that was still in flight when it moved sets its
    /// 10-s timer only on its return, and that timer then runs on in real time. 12 s covers it; a
    /// re-read that waited far longer than 10 s still fails.
    /// </summary>
    private const float AReadInFlight = 12_000;

    [Fact]
    public async Task A_customer_who_failed_once_in_an_outage_sees_the_outage_on_her_view_open_and_then_resolved()
    {
        // An app of its own: the incident is open for a while, and the shared wall's tests count incident cards.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var failures = Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure }).ToArray();
        var customer = failures[0].CustomerId;
        var before = Make(customer, at.AddMinutes(-30), InteractionTypes.Search, touchpoint, Outcome.Failure); // long before the outage: her own bad luck
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([before, failures[0]]))).StatusCode);

        // Her page is open when she has failed and nobody else has yet: no outage to speak of.
        // The page's clock is the test's: its 10-s re-reads come when the test moves it, not after 10 s waited out.
        var page = await fixture.NewPageAsync($"/customers/{customer}", app, beforeLoad: p => p.Clock.InstallAsync());
        var rows = page.Locator("#timeline tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var outage = page.Locator("#alerts li.incident");
        await Assertions.Expect(outage).ToHaveCountAsync(0);

        // Then the others fail and the outage opens: nothing of hers changes, yet her open page says it at its next 10-s re-read.
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(failures[1..]))).StatusCode);
        var opened = await Eventually.ResultAsync(
            async () => (await ReadArray(await http.GetAsync("api/incidents?open=true"))).FirstOrDefault(i => (string)i!["touchpoint"]! == touchpoint),
            found => found is not null, TimeSpan.FromSeconds(15), "the outage's incident");
        await page.Clock.RunForAsync(10_000);
        await Assertions.Expect(outage).ToHaveCountAsync(1, new() { Timeout = AReadInFlight });
        await Assertions.Expect(rows.Nth(0).Locator(".badge.outage")).ToHaveTextAsync($"as the outage at {touchpoint} began");
        var incident = opened!;
        var incidentId = (string)incident["id"]!;
        // And once more while it is open.
        var during = Make(customer, DateTimeOffset.UtcNow, InteractionTypes.Search, touchpoint, Outcome.Failure);
        Assert.True(during.Timestamp > DateTimeOffset.Parse((string)incident["openedAt"]!));
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(during))).StatusCode);

        await Assertions.Expect(outage).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Caught in the outage at {touchpoint}: it was failing for many customers at once \\(incident open since .+\\)$"));
        await Assertions.Expect(outage).ToHaveAttributeAsync("data-incident-id", incidentId);
        await Assertions.Expect(page.Locator("#no-alerts")).ToBeHiddenAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0).Locator(".badge.outage")).ToHaveTextAsync($"during the outage at {touchpoint}");
        // Her first failure came before the incident opened: one of those that opened it, not "during" an outage "open since" later.
        await Assertions.Expect(rows.Nth(1).Locator(".badge.outage")).ToHaveTextAsync($"as the outage at {touchpoint} began");
        await Assertions.Expect(rows.Nth(2).Locator(".badge.outage")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "customer-outage.png"), FullPage = true });
        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(rows.Nth(0).Locator(".badge.outage")).ToHaveTextAsync($"发生在 {touchpoint} 故障期间");
        await Assertions.Expect(rows.Nth(1).Locator(".badge.outage")).ToHaveTextAsync($"发生在 {touchpoint} 故障初起时");
        await Assertions.Expect(outage).ToContainTextAsync($"遭遇 {touchpoint} 的故障");

        // Resolved, it is still what she ran into, and the open page says it is over without a reload
        // (nothing of hers changes: the page reads her view again while an outage is open, every 10 s).
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"api/incidents/{incidentId}/resolve", Body("""{ "by": "supervisor:li" }"""))).StatusCode);
        await page.Clock.RunForAsync(10_000);
        await Assertions.Expect(outage).ToContainTextAsync("已解决", new() { Timeout = AReadInFlight });
        await Assertions.Expect(outage).ToHaveAttributeAsync("data-state", "resolved");
    }

    /// <summary>While the cluster changes shape a front may answer 503: her open page keeps what it shows and reads her again.</summary>
    [Fact]
    public async Task A_customer_page_that_cannot_read_her_view_keeps_what_it_shows_and_reads_her_again()
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(Make(customer, at, InteractionTypes.PageView, "web/home")))).StatusCode);
        var page = await fixture.NewPageAsync($"/customers/{customer}", beforeLoad: p => p.Clock.InstallAsync());
        var rows = page.Locator("#timeline tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        // She acts again while her view cannot be read: the page hears of it and its read is refused.
        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync($"**/api/customers/{customer}", async route =>
        {
            await route.FulfillAsync(new() { Status = 503 });
            refused.TrySetResult();
        });
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(Make(customer, at.AddMinutes(1), InteractionTypes.PageView, "web/product")))).StatusCode);
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await page.UnrouteAsync($"**/api/customers/{customer}");

        await Assertions.Expect(rows).ToHaveCountAsync(1); // what it showed, not a blank page
        await page.Clock.RunForAsync(10_000);
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = AReadInFlight }); // read again 10 s later, with nothing else to prompt it
    }

    [Fact]
    public async Task The_customer_api_tells_each_moment_with_its_result_and_inferred_stage()
    {
        var customer = NewCustomer();
        await Http.PostAsync("api/interactions", Body(
            Make(customer, DateTimeOffset.UtcNow.AddMinutes(-2), InteractionTypes.OrderStatus, "app/orders", Outcome.Failure, attributes: new() { ["orderId"] = "8812" }) with { Stage = null }));

        var item = (await ReadObject(await Http.GetAsync($"api/customers/{customer}")))["timeline"]!.AsArray().Single()!;

        Assert.Equal("looked up order 8812 — failed", (string)item["sentence"]!);
        Assert.Equal("查询订单 8812 — 失败", (string)item["translations"]!["zh-CN"]!);
        Assert.Equal(("failed", "bad", "receive", true), ((string)item["result"]!, (string)item["tone"]!, (string)item["stage"]!, (bool)item["stageInferred"]!));
    }
}
