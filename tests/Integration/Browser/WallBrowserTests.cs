using System.Globalization;
using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>A wall whose numbers add up: counters, incident cards, histogram and wall mode.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private async Task<string[]> BurstAsync(int customers)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        var ids = Enumerable.Range(0, customers).Select(_ => NewCustomer()).ToArray();
        // A touchpoint of its own, and fewer than the 20 events that could make it an incident that absorbs the alerts.
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var burst = ids.SelectMany(c => Enumerable.Range(0, 3).Select(n => FailedSearch(c, at.AddSeconds(n * 20), $"blue coat {n}") with { Touchpoint = touchpoint })).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(burst))).StatusCode);
        return ids;
    }

    /// <summary>Detractors, one alert each, every customer on a touchpoint of their own (no incident absorbs them).</summary>
    private async Task<string[]> DetractorsAsync(int customers) => await DetractorsAsync(Enumerable.Range(0, customers).Select(_ => NewCustomer()).ToArray());

    private async Task<string[]> DetractorsAsync(string[] ids)
    {
        var surveys = ids.Select(c => Make(c, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, $"survey/nps-{c}", score: 1,
            attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(surveys))).StatusCode);
        return ids;
    }

    private async Task<string> AlertOfAsync(string customer) =>
        (string)(await Eventually.ResultAsync(async () => (await ReadArray(await Http.GetAsync($"api/alerts?customerId={customer}"))).FirstOrDefault(),
            a => a is not null, Patience, $"{customer}'s alert"))!["id"]!;

    [Fact]
    public async Task A_wall_opened_later_shows_an_open_alert_older_than_hundreds_of_resolved_ones_and_no_silenced_one()
    {
        // One customer still waits, one is silenced (a test account); then 250 newer alerts come and are all resolved.
        var waiting = (await DetractorsAsync(1))[0];
        await AlertOfAsync(waiting);
        var muted = NewCustomer();
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsync("api/silences", Body(Json(new { customerId = muted, comment = "test account", expiresAt = DateTimeOffset.UtcNow.AddHours(1) })))).StatusCode);
        await DetractorsAsync([muted]);
        await AlertOfAsync(muted);
        var later = await DetractorsAsync(250);
        foreach (var chunk in later.Chunk(25))
        {
            await Task.WhenAll(chunk.Select(async customer =>
                Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{await AlertOfAsync(customer)}/resolve", Body(Json(new { by = "li.na" })))).StatusCode)));
        }

        // A supervisor opens the wall now: the customer who has waited longest is on it, and the
        // wall's count of the unresolved alerts it holds is the server's (the heatmap's total).
        var page = await fixture.NewPageAsync("/");
        await Assertions.Expect(page.Locator($".alert[data-customer='{waiting}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator($".alert[data-customer='{muted}']")).ToHaveCountAsync(0); // loaded in the same read as the waiting one, were it not left out
        // The figures pushed a second apart may be from before the last resolutions: the next push agrees.
        await Assertions.Expect(page.Locator("#stat-open")).Not.ToHaveTextAsync("—");
        await Eventually.TrueAsync(async () => System.Text.RegularExpressions.Regex.IsMatch(await page.Locator("#heat-total").InnerTextAsync(),
            "^" + await page.Locator("#stat-open").InnerTextAsync() + " unresolved alerts? on this wall$"), Patience, "the counter and the heat map's total to agree");

        // Where the muted alert does show, on the customer's page, it says why the wall does not.
        var customerPage = await fixture.NewPageAsync($"/customers/{muted}");
        await Assertions.Expect(customerPage.Locator("#alerts li .line")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("· open · silenced: not on the wall$"));
    }

    private static async Task<int> NumberAsync(IPage page, string selector) =>
        int.Parse((await page.Locator(selector).InnerTextAsync()).Replace(",", ""), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_walls_counters_equal_the_stats_api_after_a_burst()
    {
        var page = await fixture.NewPageAsync("/");
        var customers = await BurstAsync(6);
        foreach (var customer in customers)
        {
            await Assertions.Expect(page.Locator($".alert[data-customer='{customer}']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }

        // The stats API and the page agree (the server pushes wallStats at most once a second).
        await Eventually.TrueAsync(async () =>
        {
            var stats = (await ReadObject(await Http.GetAsync("api/alerts/stats")))["openBySeverity"]!.AsObject();
            int Of(string severity) => stats[severity] is { } n ? (int)n : 0;
            var shown = (Open: await NumberAsync(page, "#stat-open"), Critical: await NumberAsync(page, "#stat-critical"), Warning: await NumberAsync(page, "#stat-warning"), Info: await NumberAsync(page, "#stat-info"));
            return shown == (Of("critical") + Of("warning") + Of("info"), Of("critical"), Of("warning"), Of("info"));
        }, Patience, "the wall's counters to equal GET /api/alerts/stats");
        Assert.True(await NumberAsync(page, "#stat-open") >= customers.Length);
        await Assertions.Expect(page.Locator(".stat", new() { Has = page.Locator("#stat-open") })).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^Not resolved: open, acknowledged or snoozed"));

        // The histogram is honest: an empty tenth has no bar, every other one says its count.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#scores .tenth")).ToHaveCountAsync(10);
        var tenths = System.Text.Json.JsonSerializer.Deserialize<TenthShown[]>(await page.Locator("#scores .tenth").EvaluateAllAsync<string>(
            "all => JSON.stringify(all.map(e => ({ count: +e.dataset.count, label: e.querySelector('.n').textContent, height: e.querySelector('.fill').offsetHeight })))"),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.All(tenths, tenth => Assert.Equal(tenth.Count == 0 ? (string.Empty, 0) : (tenth.Count.ToString(CultureInfo.InvariantCulture), tenth.Height), (tenth.Label, tenth.Height)));
        Assert.Contains(tenths, tenth => tenth.Count > 0 && tenth.Height > 0);
        Assert.Equal(["0", "10", "20", "30", "40", "50", "60", "70", "80", "90"], await page.Locator("#scores .tenth .from").AllTextContentsAsync());

        // Filters: the rule and a touchpoint narrow the cards; the count says how many are shown.
        await page.SelectOptionAsync("#filters select[name=rule]", "repeated-failed-search");
        await page.SelectOptionAsync("#filters select[name=severity]", "critical");
        await Assertions.Expect(page.Locator($".alert[data-customer='{customers[0]}']")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#filters select[name=severity]", "");
        await Assertions.Expect(page.Locator($".alert[data-customer='{customers[0]}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".alert:not([data-rule='repeated-failed-search']):not([data-folded~='repeated-failed-search'])")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-filtered.png") });

        // The rule filter finds a condition folded into another rule's card: the first customer then
        // scores a detractor survey, which her failed-search alert takes in.
        var survey = Make(customers[0], DateTimeOffset.UtcNow, InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(survey))).StatusCode);
        await Assertions.Expect(page.Locator($".alert[data-customer='{customers[0]}'][data-folded~='detractor']")).ToHaveCountAsync(1, new() { Timeout = 10_000 }); // with her experience's drop
        await page.SelectOptionAsync("#filters select[name=rule]", "detractor");
        await Assertions.Expect(page.Locator($".alert[data-customer='{customers[0]}'][data-rule='repeated-failed-search']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($".alert[data-customer='{customers[1]}']")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-filtered-folded.png") });
        // A screen reader is told what the filter left, once (a status line, not the whole list).
        await Assertions.Expect(page.Locator("#filter-said")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of \d+ alerts? shown")); // other tests' detractors are on the shared wall too
        await Assertions.Expect(page.Locator("#filter-said")).ToHaveAttributeAsync("role", "status");
    }

    private sealed record TenthShown(int Count, string Label, int Height);

    [Fact]
    public async Task An_incident_cards_numbers_move_as_its_touchpoint_gets_worse()
    {
        // The page's clock is the test's: its 10-s re-read of incidents' touchpoints comes when the test moves it.
        var page = await fixture.NewPageAsync("/", beforeLoad: p => p.Clock.InstallAsync());
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var failures = Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(failures))).StatusCode);

        var card = page.Locator(".alert[data-rule='touchpoint-degradation']", new() { Has = page.Locator(".touchpoint", new() { HasTextString = touchpoint }) });
        await Assertions.Expect(card.Locator(".live")).ToHaveTextAsync("now: 100% of 20 failed in the last 5 min · 0 customer alerts absorbed since it opened", new() { Timeout = 10_000 });
        // Its detail, above that line, says it is the picture at raise time; its suggestion is for the team, not outreach.
        await Assertions.Expect(card.Locator(".detail")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^when raised: 20 of 20 interactions failed in the last 5 min"));
        await Assertions.Expect(card.Locator(".suggestion")).ToHaveAttributeAsync("data-label", "Suggested action");

        // A customer fails three times there: the incident absorbs her alert, and the card moves on.
        var customer = NewCustomer();
        await Http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(30 + n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]));
        await Assertions.Expect(card.Locator(".live")).ToHaveTextAsync("now: 100% of 23 failed in the last 5 min · 1 customer alert absorbed since it opened (1 still unresolved)", new() { Timeout = 15_000 });
        await Assertions.Expect(card.Locator(".title")).ToContainTextAsync("incident: 1 customer with an alert");
        await Assertions.Expect(card.Locator(".title")).ToContainTextAsync("failing: 100% in 5 min"); // as the line under it writes a rate
        // The title follows the rate now, as the line under it does (a title kept at "52%" above
        // "now: 30%" read as two numbers that disagree): 23 more searches there find something.
        await Http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 23).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(40 + n)) with { Touchpoint = touchpoint, Outcome = Outcome.Success, Score = 12 })]));
        await Eventually.TrueAsync(async () => (long)(await ReadObject(await Http.GetAsync($"api/touchpoints/{touchpoint}")))["last5Minutes"]!["events"]! == 46,
            TimeSpan.FromSeconds(15), "the touchpoint to count 46 events");
        await page.Clock.RunForAsync(10_000); // nothing else tells the page: no customer joined the incident
        await Assertions.Expect(card.Locator(".live")).ToContainTextAsync("now: 50% of 46 failed in the last 5 min");
        await Assertions.Expect(card.Locator(".title")).ToContainTextAsync("failing: 50% in 5 min — incident: 1 customer with an alert");

        // Who it hurts, each a link to their view; and there, her alert says the outage stands for it.
        await Assertions.Expect(card.Locator(".affected summary")).ToHaveTextAsync("Customers with alerts (1)");
        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(card.Locator(".affected summary")).ToHaveTextAsync("已有告警的客户（1）"); // full-width brackets, no space
        await Assertions.Expect(card.Locator(".history summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^处理记录（\d+）$"));
        await page.SelectOptionAsync("#lang", "en");
        await card.Locator(".affected summary").ClickAsync();
        await Assertions.Expect(card.Locator(".affected a")).ToHaveTextAsync([customer]);
        var customerPage = await fixture.NewPageAsync($"/customers/{customer}");
        await Assertions.Expect(customerPage.Locator("#alerts li .line")).ToHaveTextAsync(
            [$"3 failed searches in 2 s · open · part of the outage at {touchpoint}: its incident card stands for it"]);
        await customerPage.Context.CloseAsync();
        await Assertions.Expect(card.Locator(".suggestion")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Check web/search-\w+ now: customers are failing there\.$")); // for the team: no channel
        // No one customer, no stage: "Customer — · Stage —" read as missing data.
        await Assertions.Expect(card.Locator(".meta dt:visible")).ToHaveTextAsync(["Touchpoint", "Rule", "Assigned to"]);

        // The numbers on the wall add up: the critical incident is counted as soon as its card is
        // there, and the cards plus the alerts inside incidents are the heat map's unresolved alerts.
        Assert.True(await NumberAsync(page, "#stat-critical") >= 1);
        await Assertions.Expect(page.Locator("#shown")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"more unresolved inside (an incident|incidents)$"));
        await page.WaitForFunctionAsync("""
            () => {
              const first = (text, pattern) => Number(text.replace(/,/g, "").match(pattern)?.[1]);
              const shown = document.getElementById("shown").textContent, heat = document.getElementById("heat-total").textContent;
              return first(shown, /of (\d+) alerts?/) - (first(shown, /(\d+) just resolved/) || 0) + first(shown, /(\d+) more unresolved inside/) === first(heat, /^(\d+)/);
            }
            """, null, new() { Timeout = 10_000 }); // the cards and the alerts inside incidents add up to the heat map's total
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-incident.png") });

        // Filtered to the customers' rule, no card is left: the wall says why, not "no open alerts".
        await page.Locator("#filters select[name=touchpoint]").SelectOptionAsync(touchpoint);
        await page.Locator("#filters select[name=rule]").SelectOptionAsync("repeated-failed-search");
        await Assertions.Expect(page.Locator("#empty .headline")).ToHaveTextAsync("No card matches these filters.");
        await Assertions.Expect(page.Locator("#empty .body")).ToContainTextAsync("The alerts that match stand behind incident cards");
        await Assertions.Expect(page.Locator("#filter-said")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^No card matches these filters\\. 0 of 0 alerts shown"));
        await page.Locator("#filters select[name=rule]").SelectOptionAsync("touchpoint-degradation");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#empty")).ToBeHiddenAsync();

        // Once her alert is resolved, the outage no longer stands for it: her view says how it ended, not "part of the outage".
        var hers = (string)(await ReadArray(await Http.GetAsync($"api/alerts?customerId={customer}")))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{hers}/resolve", Body(Json(new { outcome = "recovered" })))).StatusCode);
        // The card tells absorbed since it opened from still unresolved, as the filter line counts only the latter.
        await Assertions.Expect(card.Locator(".live")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@" · 1 customer alert absorbed since it opened \(none still unresolved\)$"));
        var resolvedPage = await fixture.NewPageAsync($"/customers/{customer}");
        await Assertions.Expect(resolvedPage.Locator("#alerts li")).ToHaveTextAsync(
            [new System.Text.RegularExpressions.Regex("^3 failed searches in 2 s · resolved · Recovered"), new System.Text.RegularExpressions.Regex($"^Caught in the outage at {touchpoint}: .+ \\(incident open since .+\\)$")]); // what she ran into stays said
        await resolvedPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_channel_of_the_heat_map_is_in_view_on_a_laptop_wall()
    {
        // An app of its own, with an alert in each of twelve channels: at 64 px a cell, seven ran past
        // the right edge of a 1280–1440 px wall and hid the Web column.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        string[] channels = ["app", "call-center", "chat", "email", "field-service", "partner", "push", "sms", "social", "store", "survey", "web"];
        var at = DateTimeOffset.UtcNow.AddMinutes(-2);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. channels.SelectMany(channel =>
        {
            var customer = NewCustomer();
            return Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(n)) with { Touchpoint = $"{channel}/search" });
        })]))).StatusCode);
        var page = await fixture.NewPageAsync("/", app);
        await Assertions.Expect(page.Locator("#heatmap tr").First.Locator("th")).ToHaveCountAsync(1 + channels.Length, new() { Timeout = 10_000 });

        foreach (var (width, height) in new[] { (1280, 720), (1366, 768), (1024, 768) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var language in new[] { "en", "zh-CN" })
            {
                await page.SelectOptionAsync("#lang", language);
                var right = await page.EvaluateAsync<double>("() => document.getElementById('heatmap').getBoundingClientRect().right");
                var view = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
                Assert.True(right <= view, $"{width} × {height}, {language}: the heat map ends at {right} px of {view}");
            }
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-twelve-channels-1024.png") });
    }

    [Fact]
    public async Task Incidents_stand_in_order_of_customers_affected_and_a_snoozed_card_says_until_when()
    {
        // An app of its own: incidents stay open, and the shared wall's other tests read wall mode's first page.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var page = await fixture.NewPageAsync("/", app);
        string[] hurt = [];
        async Task<ILocator> OutageAsync(int customers)
        {
            var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
            var at = DateTimeOffset.UtcNow.AddMinutes(-1);
            var failures = Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure }).ToArray();
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(failures))).StatusCode);
            var card = page.Locator(".alert[data-rule='touchpoint-degradation']", new() { Has = page.Locator(".touchpoint", new() { HasTextString = touchpoint }) });
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 10_000 });
            hurt = [.. Enumerable.Range(0, customers).Select(_ => NewCustomer())];
            var searches = hurt
                .SelectMany(c => Enumerable.Range(0, 3).Select(n => FailedSearch(c, at.AddSeconds(30 + n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })).ToArray();
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(searches))).StatusCode);
            await Assertions.Expect(card.Locator(".title")).ToContainTextAsync(customers == 1 ? "incident: 1 customer with an alert" : $"incident: {customers} customers with alerts", new() { Timeout = 15_000 });
            return card;
        }

        var wider = await OutageAsync(3);
        var newer = await OutageAsync(1); // raised later, but fewer customers hurt
        var order = await page.Locator("#alerts > li").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.alertId)");
        Assert.True(Array.IndexOf(order, await wider.GetAttributeAsync("data-alert-id")) < Array.IndexOf(order, await newer.GetAttributeAsync("data-alert-id")),
            "the incident hurting 3 customers stands before the newer one hurting 1");
        // On the heat map each outage is one alert in "(no stage)", the faintest shade: its cell is outlined, and the total says why.
        var outlined = page.Locator("#heatmap td.critical");
        await Assertions.Expect(outlined).ToHaveCountAsync(1);
        await Assertions.Expect(outlined).ToHaveAttributeAsync("title", "2 critical alerts here");
        Assert.Equal("(no stage)", await outlined.EvaluateAsync<string>("td => td.parentElement.querySelector('th').textContent"));
        await Assertions.Expect(page.Locator("#heat-total")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ unresolved alerts on this wall · outlined in red: 2 critical$"));

        // Snoozed: in hand until a time, and it says so.
        await newer.Locator("button[data-action=snooze]").ClickAsync();
        await Assertions.Expect(newer).ToHaveAttributeAsync("data-state", "snoozed", new() { Timeout = 5_000 });
        // Its date too when that is tomorrow (a snooze at 11:04 PM ends at "12/5/26, 12:04 AM").
        await Assertions.Expect(newer.Locator(".state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^snoozed until (\d{1,2}/\d{1,2}/\d{2}, )?\d{1,2}:\d{2}\s?(AM|PM)$"));

        // Resolved, an outage is over: its card, leaving within a minute, no longer says "now: 60% failed" under "resolved".
        await Assertions.Expect(wider.Locator(".live")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"api/alerts/{await wider.GetAttributeAsync("data-alert-id")}/resolve", Body(Json(new { by = "ada" })))).StatusCode);
        await Assertions.Expect(wider).ToHaveAttributeAsync("data-state", "resolved", new() { Timeout = 5_000 });
        await Assertions.Expect(wider.Locator(".live")).ToBeHiddenAsync();
        await Assertions.Expect(outlined).ToHaveAttributeAsync("title", "1 critical alert here");

        // Her page says the alert closed with the outage and nobody called her (not just "resolved").
        var last = hurt[0]; // of the newer outage, resolved the same way
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"api/alerts/{await newer.GetAttributeAsync("data-alert-id")}/resolve", Body(Json(new { by = "ada" })))).StatusCode);
        var herPage = await fixture.NewPageAsync($"/customers/{last}", app);
        await Assertions.Expect(herPage.Locator("#alerts li .line").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"· resolved · closed with the outage at web/search-\w+, with no outcome recorded$"), new() { Timeout = 10_000 });
        await herPage.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_1280_by_720_laptop_the_counters_take_one_row_and_the_first_card_shows_without_scrolling()
    {
        await DetractorsAsync(1);
        foreach (var path in new[] { "/", "/?mode=wall" })
        {
            var page = await fixture.NewPageAsync(path, width: 1280, height: 720);
            await Assertions.Expect(page.Locator(".alert").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("#heatmap tr").First).ToBeVisibleAsync();

            var first = (await page.Locator(".stat").First.BoundingBoxAsync())!;
            var last = (await page.Locator(".stat").Last.BoundingBoxAsync())!;
            Assert.Equal(first.Y, last.Y); // nine counters, one row
            var card = (await page.Locator(".alert").First.BoundingBoxAsync())!;
            Assert.True(card.Y + 60 < 720, $"{path}: the first card starts at {card.Y} px, below the fold of a 720 px screen");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Nine counters in a row on a 1024 px screen leave each about 98 px. "acknowledge" ran 14 px past
    /// its box, and Chinese labels broke between any two characters ("平均确认时 / 间"): every label
    /// stays inside its box and a line ends between words.
    /// </summary>
    [Fact]
    public async Task On_a_1024_px_screen_every_counter_label_stays_in_its_box_and_breaks_only_between_words()
    {
        // One resolved with an outcome, so every counter has a figure, the recovery rate with its count of outcomes.
        var resolved = await AlertOfAsync((await DetractorsAsync(2))[0]);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{resolved}/resolve", Body(Json(new { by = "ada", outcome = "recovered" })))).StatusCode);
        foreach (var (path, locale) in new[] { ("/", "en-US"), ("/", "zh-CN"), ("/?mode=wall", "en-US"), ("/?mode=wall", "zh-CN") })
        {
            var page = await fixture.NewPageAsync(path, width: 1024, height: 768, locale: locale);
            await Assertions.Expect(page.Locator("#stat-open")).Not.ToHaveTextAsync("—", new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("#stat-recovery-of")).Not.ToBeEmptyAsync(new() { Timeout = 10_000 }); // the server's figures are in
            var problems = await page.EvaluateAsync<string[]>(CounterLabelProblems);
            Assert.True(problems.Length == 0, $"{path} in {locale}: " + string.Join("; ", problems));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, $"counters-1024-{locale}{(path == "/" ? "" : "-wall-mode")}.png"), Clip = new() { X = 0, Y = 0, Width = 1024, Height = 180 } });
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Each counter label's problems: how far it runs past its box's padding, and each line that ends
    /// inside a word (the words as the browser's segmenter finds them in the page's language).
    /// </summary>
    private const string CounterLabelProblems = """
        () => [...document.querySelectorAll('.stat')].flatMap(stat => {
          const label = stat.querySelector('.label'), text = label.textContent, problems = [];
          const inner = stat.getBoundingClientRect().right - parseFloat(getComputedStyle(stat).paddingRight);
          const all = document.createRange();
          all.selectNodeContents(label);
          const right = Math.max(...[...all.getClientRects()].map(r => r.right));
          if (right > inner + 0.5) problems.push(`"${text}" runs ${Math.round(right - inner)} px past its box`);
          // Where each line starts: the index of each character whose top is below the one before it.
          const tops = [];
          const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            for (let i = 0; i < node.length; i++) {
              const r = document.createRange();
              r.setStart(node, i); r.setEnd(node, i + 1);
              const rect = r.getClientRects()[0];
              tops.push(rect ? rect.top : null);
            }
          const ends = new Set([...new Intl.Segmenter(document.documentElement.lang, { granularity: 'word' }).segment(text)].map(s => s.index));
          for (let i = 1, last = tops[0]; i < tops.length; i++) {
            if (tops[i] === null) continue;
            if (tops[i] > last + 2 && !ends.has(i) && !/\s/.test(text[i - 1])) problems.push(`"${text}" breaks inside a word, before "${text.slice(i)}"`);
            last = tops[i];
          }
          return problems;
        })
        """;

    [Fact]
    public async Task A_days_mute_says_its_date_and_ending_the_last_one_keeps_the_panel_and_the_keyboards_place()
    {
        // An app of its own: no other test's mutes. A supervisor's trial: "until 9:05 PM" for a mute
        // made at 9:05 PM for 24 hours read as over; unmuting the last one hid the panel, focus and all.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var customer = NewCustomer();
        var survey = Make(customer, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, $"survey/nps-{customer}", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(survey))).StatusCode);
        var page = await fixture.NewPageAsync("/", app);
        await Assertions.Expect(page.Locator($".alert[data-customer='{customer}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#shown")).ToHaveTextAsync("1 of 1 alert shown");

        var ends = DateTimeOffset.UtcNow.AddHours(24);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("api/silences", Body(Json(new { customerId = NewCustomer(), comment = "a test account", expiresAt = ends })))).StatusCode);
        await page.ReloadAsync();
        var entry = page.Locator("#silences li");
        var day = await page.EvaluateAsync<string>("iso => new Intl.DateTimeFormat('en-US', { dateStyle: 'short' }).format(new Date(iso))", ends.ToString("O"));
        await Assertions.Expect(entry.Locator(".why")).ToContainTextAsync($"until {day}, ", new() { Timeout = 10_000 });

        await page.Locator("#silences summary").ClickAsync();
        await entry.Locator("button").ClickAsync();
        await Assertions.Expect(entry).ToHaveTextAsync("No mute is on now.");
        await Assertions.Expect(page.Locator("#silences summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#silences .kept")).ToBeVisibleAsync();

        // What a screen reader names, in the page's language too.
        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(page.Locator("#filters")).ToHaveAttributeAsync("aria-label", "筛选");
        await Assertions.Expect(page.Locator("#alerts")).ToHaveAttributeAsync("aria-label", "告警，按严重程度和时间由新到旧排列");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "语言" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#scores[role=list] > [role=listitem]", new() { HasText = "40–49 分：1 位客户" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#scores .n[aria-hidden=true]")).ToHaveCountAsync(10); // not "1 40" read out as well
    }

    [Fact]
    public async Task The_wall_counts_the_prompts_waiting_for_an_agent_until_an_agent_frees_a_slot()
    {
        // An app of its own whose agents take one prompt each: six detractors, and those beyond the
        // agents with the skill wait. A supervisor sees how many, in amber, without opening anything.
        // Sam (any channel) is routed nothing: capacity 0, a supervisor's to give work to.
        using var app = new CxLiveApp(new Dictionary<string, string?> { ["Outreach:Capacity"] = "1", ["Outreach:Agents:2:Capacity"] = "0" });
        using var http = app.CreateHttpClient();
        var surveys = Enumerable.Range(0, 6).Select(_ => NewCustomer()).Select(c => Make(c, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, $"survey/nps-{c}", score: 1,
            attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(surveys))).StatusCode);
        async Task<int> PromptsAsync(string query) => (await ReadArray(await http.GetAsync($"api/outreach?pending=true&limit=1000{query}"))).Count;
        var agents = (await ReadArray(await http.GetAsync("api/agents"))).Select(a => (string)a!["id"]!).ToArray();
        async Task<int> AssignedAsync() => (await Task.WhenAll(agents.Select(a => PromptsAsync("&agentId=" + a)))).Sum();
        await Eventually.TrueAsync(async () => await AssignedAsync() + await PromptsAsync("") == surveys.Length, Patience, "a prompt for every detractor");
        var waiting = await PromptsAsync("");
        Assert.InRange(waiting, 1, surveys.Length - 1);
        Assert.Equal(waiting, (int)(await ReadObject(await http.GetAsync("api/alerts/stats")))["promptsWaiting"]!);

        var page = await fixture.NewPageAsync("/", app);
        var counter = page.Locator(".stat", new() { Has = page.Locator("#stat-waiting") });
        await Assertions.Expect(page.Locator("#stat-waiting")).ToHaveTextAsync(waiting.ToString(CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await Assertions.Expect(counter).ToHaveAttributeAsync("data-some", "");
        await Assertions.Expect(counter).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^Outreach prompts no agent holds yet"));
        await Assertions.Expect(counter.Locator(".label")).ToHaveTextAsync("Prompts waiting for an agent");

        // Assigning a waiting one by hand: the picker says who is full (a supervisor may still choose them).
        var waitingCard = page.Locator(".alert", new() { Has = page.Locator(".assigned", new() { HasTextRegex = new("^—$") }) }).First;
        await waitingCard.Locator("button[data-action=assign]").ClickAsync();
        var picker = waitingCard.Locator(".assign select");
        await Assertions.Expect(picker.Locator("option", new() { HasTextString = "in hand, full" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(picker.Locator("option[value='wang.wei']")).Not.ToContainTextAsync("full"); // not on the prompts' channel: none of them
        await Assertions.Expect(picker.Locator("option[value='sam.taylor']")).ToContainTextAsync("0 in hand, full"); // capacity 0: it read as room
        await picker.PressAsync("Escape");

        // An agent reports one: the next waiting prompt is theirs, and the wall hears it by itself.
        var (holder, held) = await Eventually.ResultAsync(async () =>
        {
            foreach (var agent in agents)
            {
                if ((await ReadArray(await http.GetAsync($"api/outreach?pending=true&agentId={agent}"))).FirstOrDefault() is { } prompt)
                {
                    return ((string?)agent, (string?)prompt["id"]);
                }
            }

            return (null, null);
        }, h => h.Item2 is not null, Patience, "a prompt an agent holds");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"api/outreach/{held}/outcome", Body(Json(new { outcome = "contacted" })))).StatusCode);
        await Assertions.Expect(page.Locator("#stat-waiting")).ToHaveTextAsync((waiting - 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        Assert.Equal(waiting - 1, await PromptsAsync(""));

        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(counter.Locator(".label")).ToHaveTextAsync("等待坐席的主动联系提示");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-prompts-waiting-zh.png") });

        // The agent at capacity is told why nothing new arrives; one with room is told how much.
        var console = await fixture.NewPageAsync($"/agent?agentId={holder}", app);
        var load = console.Locator("#queue-load");
        await Assertions.Expect(load).ToHaveTextAsync("You hold 1 of at most 1: full. New prompts go to other agents or wait until you record an outcome.");
        await Assertions.Expect(load).ToHaveAttributeAsync("data-full", "");

        // A supervisor gives them one more by hand: not "2 of at most 1", which read as a fault.
        var extra = (string)(await ReadArray(await http.GetAsync("api/outreach?pending=true&limit=1000"))).First(p => p!["agentId"] is null)!["alertId"]!;
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"api/alerts/{extra}/assign", Body(Json(new { by = "ops.lead", agentId = holder })))).StatusCode);
        await Assertions.Expect(load).ToHaveTextAsync("You hold 2, more than the 1 the desks give you at once: a supervisor assigned the rest. New prompts go to other agents until you are under 1.", new() { Timeout = 10_000 });
        await console.SelectOptionAsync("#agent", "wang.wei"); // not on the detractors' channel: holds none
        await Assertions.Expect(load).ToHaveTextAsync("You hold 0 of at most 1.");
        await Assertions.Expect(load).Not.ToHaveAttributeAsync("data-full", "");
        await console.SelectOptionAsync("#agent", "sam.taylor"); // capacity 0: the line was hidden, as for a server that sent none
        await Assertions.Expect(load).ToHaveTextAsync("You hold 0. The desks route you no prompts (your capacity is 0): only a supervisor gives you one.");
        await Assertions.Expect(console.Locator("#no-prompts")).ToHaveTextAsync("No prompts. One a supervisor gives you appears here at once."); // not "as soon as CxLive routes them to you"
        await console.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "agent-routed-none.png") });
    }

    /// <summary>A touchpoint of its own with <paramref name="events"/> interactions in the last minute, <paramref name="failures"/> of them failed.</summary>
    private static async Task<string> TouchpointAsync(HttpClient http, int events, int failures)
    {
        var touchpoint = "web/tp-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var traffic = Enumerable.Range(0, events).Select(n => Make(NewCustomer(), at.AddMilliseconds(n * 100), InteractionTypes.Checkout, touchpoint, n < failures ? Outcome.Failure : Outcome.Success)).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(traffic))).StatusCode);
        return touchpoint;
    }

    [Fact]
    public async Task In_an_outage_the_wall_keeps_its_touchpoints_in_view_and_wall_mode_pins_at_most_three_incidents()
    {
        // An app of its own: five incidents stay open, and the shared wall's other tests read wall mode's first page.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var half = await TouchpointAsync(http, 40, 20); // an incident at 50 %...
        for (var i = 0; i < 5; i++)
        {
            await TouchpointAsync(http, 6, 6); // ...under small touchpoints failing at 100 %, too few events for an incident
        }

        var outages = new List<string> { half };
        for (var i = 0; i < 4; i++)
        {
            outages.Add(await TouchpointAsync(http, 20, 20));
        }

        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 4).Select(_ => NewCustomer()).Select(c =>
            Make(c, now, InteractionTypes.Survey, $"survey/nps-{c}", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await http.GetAsync("api/incidents?open=true"))).Count(i => outages.Contains((string)i!["touchpoint"]!)) == outages.Count,
            Patience, "an incident on each outage");

        var page = await fixture.NewPageAsync("/", app);
        await Assertions.Expect(page.Locator($"#top-touchpoints li[data-touchpoint='{half}']")).ToHaveTextAsync($"{half}: 50% of 40 failed", new() { Timeout = 15_000 });

        var wall = await fixture.NewPageAsync("/?mode=wall", app);
        await Assertions.Expect(wall.Locator(".alert").First).ToBeVisibleAsync();
        // The three incidents hurting most stay, the places left turn through the rest (further
        // incidents first). Five open incidents once left one place: "page 1 of 80".
        var cards = await WholeCardsAsync(wall);
        Assert.Equal(["touchpoint-degradation", "touchpoint-degradation", "touchpoint-degradation"], cards[..3].Select(c => c.Rule));
        var turning = int.Parse((await wall.Locator("#alerts").GetAttributeAsync("data-page-cards"))!, CultureInfo.InvariantCulture);
        Assert.True(turning >= 1 && cards.Length - turning <= 3, $"{cards.Length} cards, {turning} of them turning: at most three pinned, and a place for the rest");
    }

    /// <summary>
    /// A 720p wall in an outage: three incident cards of four lines each filled the screen and left
    /// one customer card a page (a round of 36 minutes); a login down for everyone, with no customer
    /// alert yet, ranked under a 21 % outage; and with the connection gone the pages went on turning
    /// under a small pill nobody across the room could read.
    /// </summary>
    [Fact]
    public async Task A_720p_wall_in_an_outage_ranks_the_worst_first_leaves_half_to_customers_and_stops_turning_when_not_live()
    {
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var few = await TouchpointAsync(http, 20, 20);
        var most = await TouchpointAsync(http, 60, 60);
        var some = await TouchpointAsync(http, 30, 30);
        var customers = Enumerable.Range(0, 12).Select(_ => NewCustomer()).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. customers.Select(c => Make(c, DateTimeOffset.UtcNow.AddMinutes(-1),
            InteractionTypes.Survey, $"survey/nps-{c}", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await http.GetAsync("api/incidents?open=true"))).Count == 3, Patience, "three incidents");
        // A customer caught in the worst: her alert is absorbed and still unresolved, the longest "now:" line.
        var caught = NewCustomer();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n =>
            FailedSearch(caught, DateTimeOffset.UtcNow.AddSeconds(-30 + n)) with { Touchpoint = most, Outcome = Outcome.Failure })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await http.GetAsync("api/incidents?open=true"))).Any(i => (int)i!["absorbedAlerts"]! == 1), Patience, "her alert absorbed");

        var page = await fixture.NewPageAsync("/?mode=wall", app, beforeLoad: p => p.Clock.InstallAsync(), width: 1280, height: 720); // pages turn only as the test moves the page's clock

        // The most failed events now first, whatever the customers with alerts (none here).
        var incidents = page.Locator(".alert.incident-card .title");
        await Assertions.Expect(incidents.First).ToContainTextAsync($"{most} failing: 100%", new() { Timeout = 10_000 });
        await Assertions.Expect(incidents.Nth(1)).ToContainTextAsync($"{some} failing");
        await Assertions.Expect(incidents.First).Not.ToContainTextAsync("incident:"); // the count of customers is the line under it: said twice, titles wrapped to three lines
        // An incident's card leaves out its line of dashes (customer, stage, assignee); a customer's keeps its facts.
        await Assertions.Expect(page.Locator(".alert.incident-card .meta").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".alert:not(.incident-card) .meta").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-mode-outage-1280x720.png") });
        // Each "now:" line whole on its one line: cut at "(1 st…", the customers still waiting went unsaid.
        await Assertions.Expect(page.Locator(".alert.incident-card .live").First).ToContainTextAsync("(1 still unresolved)");
        var cutLines = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.alert.incident-card .live')].filter(l => l.scrollWidth > l.clientWidth).map(l => l.textContent)");
        Assert.True(cutLines.Length == 0, $"cut at the card's edge: {string.Join(" | ", cutLines)}");

        // Pinned incidents end in the upper half of the cards' column; the rest of it turns.
        var layout = await page.EvaluateAsync<double[]>(@"() => {
            const list = document.getElementById('alerts');
            const cards = [...list.children];
            const pinned = cards.length - Number(list.dataset.pageCards);
            return [list.getBoundingClientRect().top, pinned === 0 ? list.getBoundingClientRect().top : cards[pinned - 1].getBoundingClientRect().bottom, pinned, Number(list.dataset.pageCards)];
        }");
        var (top, pinnedEnd, pinnedCount, turning) = (layout[0], layout[1], layout[2], layout[3]);
        Assert.True(pinnedCount >= 1 && pinnedEnd - top <= (720 - 8 - top) / 2, $"{pinnedCount} pinned incidents end {pinnedEnd - top:F0} px down a column of {720 - 8 - top:F0} px");
        Assert.True(turning >= 2, $"{turning} cards turn beside {pinnedCount} pinned");
        // The count by rule stays, if shorter: it is what tells the rest of the wall.
        await Assertions.Expect(page.Locator("#groups")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#page")).ToBeInViewportAsync(new() { Ratio = 1 });

        // Not live: the pill says since when, large, and the page stays where it was.
        var hub = app.Services.GetRequiredService<Microsoft.AspNetCore.SignalR.IHubContext<CxLive.Dashboard.Hubs.CxHub, CxLive.Dashboard.Hubs.ICxClient>>();
        await hub.Clients.All.serviceStatus(new(false, ["redis"]));
        var status = page.Locator("#connection");
        await Assertions.Expect(status).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^Not live since "));
        Assert.StartsWith("\" · Not live since ", await status.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content"));
        var pageNumber = async () => System.Text.RegularExpressions.Regex.Match((await page.Locator("#page").TextContentAsync())!, @"^page (\d+) of").Groups[1].Value;
        var stalledAt = await pageNumber();
        await page.Clock.RunForAsync(25_000); // two turns and more; under SignalR's 30-s server timeout, which a longer jump would trip
        Assert.Equal(stalledAt, await pageNumber());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-mode-not-live-1280x720.png") });

        await hub.Clients.All.serviceStatus(CxLive.Dashboard.Hubs.ServiceStatus.Healthy);
        await Assertions.Expect(status).ToHaveTextAsync("Live");
        await page.Clock.RunForAsync(11_000);
        Assert.NotEqual(stalledAt, await pageNumber());
        await page.Context.CloseAsync();
    }

    /// <summary>A card wall mode shows, where it is on the screen.</summary>
    private sealed class WallCard
    {
        public string Id { get; set; } = "";

        public string Rule { get; set; } = "";

        public double Top { get; set; }

        public double Bottom { get; set; }
    }

    /// <summary>
    /// The cards wall mode shows, each asserted whole on the screen: nobody scrolls a wall, and a card
    /// cut at the bottom edge is one nobody reads.
    /// </summary>
    private static async Task<WallCard[]> WholeCardsAsync(IPage page)
    {
        var cards = await page.EvaluateAsync<WallCard[]>($"() => {CardsOnScreen}");
        var height = page.ViewportSize!.Height;
        Assert.All(cards, card => Assert.True(card.Bottom <= height, $"the card of {card.Rule} ends at {card.Bottom:F0} px, below the {height} px screen"));
        return cards;
    }

    /// <summary>The page's cards as <see cref="WallCard"/>s, in a script.</summary>
    private const string CardsOnScreen =
        "[...document.querySelectorAll('.alert')].map(c => ({ id: c.dataset.alertId, rule: c.dataset.rule, top: c.getBoundingClientRect().top, bottom: c.getBoundingClientRect().bottom }))";

    /// <summary>What wall mode shows at one moment: its page label and its cards, read in one go.</summary>
    private sealed class WallSnapshot
    {
        public string Label { get; set; } = "";

        public WallCard[] Cards { get; set; } = [];
    }

    [Fact]
    public async Task Wall_mode_shows_only_whole_cards_and_every_unresolved_alert_has_its_turn_on_any_screen()
    {
        // An app of its own: the shared wall's alerts would make the pages many. Six cards a page
        // once left a 1080p wall showing three and a half (the rest never seen) and a 720p one half a
        // card. Two outages (their incidents pinned) and sixteen detractors, every fourth with a long
        // comment: cards of different heights, so that pages hold different numbers of cards.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var outages = new[] { await TouchpointAsync(http, 20, 20), await TouchpointAsync(http, 20, 20) };
        var customers = Enumerable.Range(0, 16).Select(_ => NewCustomer()).ToArray();
        var comment = string.Concat(Enumerable.Repeat("The parcel came a week late, the tracking page said delivered, and nobody answered the chat. ", 2)); // within the 256 characters of an attribute
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. customers.Select((c, n) => Make(c, DateTimeOffset.UtcNow.AddMinutes(-1),
            InteractionTypes.Survey, $"survey/nps-{c}", score: 1, attributes: n % 4 == 0 ? new() { ["scale"] = "nps", ["comment"] = comment } : new() { ["scale"] = "nps" }) with { Channel = Channel.Survey })]))).StatusCode);
        // The cards wall mode turns through: every unresolved alert but those an incident's card stands for.
        var expected = await Eventually.ResultAsync(
            async () => (await ReadArray(await http.GetAsync("api/alerts?open=true&limit=100")))
                .Where(a => a!["incidentId"] is null || (bool?)a["opensIncident"] == true).Select(a => (string)a!["id"]!).Order().ToArray(),
            ids => ids.Length == customers.Length + outages.Length, Patience, "an alert per customer and an incident per outage");

        foreach (var (width, height) in new[] { (1024, 768), (1280, 720), (1920, 1080) })
        {
            var page = await fixture.NewPageAsync("/?mode=wall&seconds=0.5", app, width: width, height: height); // two pages a second, not one in ten
            await Assertions.Expect(page.Locator(".alert")).Not.ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, $"wall-mode-{width}x{height}.png") });

            // Stacked above the cards (4 : 3), the heat map draws only the stages that hold alerts, and
            // the cards start in the upper half of the screen (under seven rows, most of them empty, a
            // 1024 × 768 wall began them at 480 px, and a page held one outage and two customers). Beside the
            // cards it keeps all seven.
            var stages = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#heatmap th[scope=row]')].filter(th => th.offsetParent).map(th => th.textContent)");
            if (width == 1024)
            {
                Assert.Equal(["Share", "(no stage)"], stages);
                var cardsFrom = await page.EvaluateAsync<double>("() => document.querySelector('#alerts .alert').getBoundingClientRect().top");
                Assert.True(cardsFrom < height / 2, $"1024 × 768: the cards start at {cardsFrom:F0} px");
            }
            else
            {
                Assert.Equal(7, stages.Length);
            }

            // Every page as it turns, until every card has had its turn: each whole, each label true.
            var seen = new HashSet<string>();
            var pages = new List<string>();
            var shown = "";
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!seen.IsSupersetOf(expected) && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await page.WaitForFunctionAsync(
                    "shown => document.getElementById('page').textContent + [...document.querySelectorAll('.alert')].map(c => c.dataset.alertId).join() !== shown",
                    shown, new() { Timeout = 10_000 });
                var now = await page.EvaluateAsync<WallSnapshot>($"() => ({{ label: document.getElementById('page').textContent, cards: {CardsOnScreen} }})");
                shown = now.Label + string.Join(",", now.Cards.Select(c => c.Id));
                Assert.All(now.Cards, card => Assert.True(card.Bottom <= height, $"{width} × {height}: the card of {card.Rule} ends at {card.Bottom:F0} px, below the screen"));
                var label = System.Text.RegularExpressions.Regex.Match(now.Label, @"^page (\d+) of (\d+)$");
                Assert.True(label.Success && int.Parse(label.Groups[1].Value, CultureInfo.InvariantCulture) <= int.Parse(label.Groups[2].Value, CultureInfo.InvariantCulture), $"{width} × {height}: \"{now.Label}\"");
                pages.Add($"{now.Label}: {now.Cards.Length} cards");
                seen.UnionWith(now.Cards.Select(c => c.Id));
            }

            Assert.True(seen.IsSupersetOf(expected), $"{width} × {height}: {expected.Except(seen).Count()} of {expected.Length} cards never shown in {waited.Elapsed.TotalSeconds:F0} s; pages: {string.Join("; ", pages)}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_4_3_wall_the_failing_touchpoints_and_the_count_by_rule_end_where_the_heat_map_ends()
    {
        // Beside the heat map, above the cards: five failing touchpoints and the rules' chips ran
        // below the heat map over empty space, and a 1024 × 768 wall had room for one card beside an
        // outage. Detractors at every stage (six rows), five touchpoints failing without an outage.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        for (var n = 0; n < 5; n++) await TouchpointAsync(http, 12, 6 + n);
        var stages = Enum.GetValues<JourneyStage>();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. stages.Select(stage => Make(NewCustomer(), DateTimeOffset.UtcNow.AddMinutes(-1),
            InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey, Stage = stage })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await http.GetAsync("api/alerts?open=true&limit=100"))).Count(a => (string)a!["ruleId"]! == "detractor") == stages.Length, Patience, "a detractor at every stage");

        var page = await fixture.NewPageAsync("/?mode=wall", app, width: 1024, height: 768);
        await Assertions.Expect(page.Locator("#heatmap tr:not(.empty) th[scope=row]")).ToHaveCountAsync(stages.Length, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#top-touchpoints li")).ToHaveCountAsync(5);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-mode-1024x768-busy.png") });

        var at = await page.EvaluateAsync<double[]>("""
            () => [document.getElementById('heat-total').getBoundingClientRect().bottom,
                   document.getElementById('page').getBoundingClientRect().bottom,
                   document.querySelector('#alerts .alert').getBoundingClientRect().top,
                   [...document.querySelectorAll('#top-touchpoints li')].filter(li => li.offsetParent).length]
            """);
        var (heatEnds, pageLabelEnds, cardsFrom, touchpointsShown) = (at[0], at[1], at[2], at[3]);
        Assert.True(pageLabelEnds <= heatEnds + 1, $"the column beside the heat map ends at {pageLabelEnds:F0} px, the heat map at {heatEnds:F0}");
        Assert.True(cardsFrom < heatEnds + 40, $"the cards start at {cardsFrom:F0} px, under a heat map that ends at {heatEnds:F0}");
        Assert.Equal(3, touchpointsShown); // the three failing most
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_4_3_wall_a_count_by_rule_too_long_for_the_column_keeps_its_largest_rule_and_counts_the_others()
    {
        // Beside a heat map of one stage, three failing touchpoints and the chips of three rules run
        // past its end. Left out whole, the count would hide what the pages are turning through:
        // it keeps its largest rule and says how many cards the others hold.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        for (var n = 0; n < 3; n++) await TouchpointAsync(http, 12, 6 + n);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var detractors = Enumerable.Range(0, 4).Select(_ => Make(NewCustomer(), at, InteractionTypes.Survey, "survey/nps", score: 1,
            attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey, Stage = JourneyStage.Service });
        var waits = Enumerable.Range(0, 3).Select(_ => Make(NewCustomer(), at, InteractionTypes.QueueWait, "call-center/support-queue", score: 600) with { Channel = Channel.CallCenter, Stage = JourneyStage.Service });
        var searches = Enumerable.Range(0, 2).Select(_ => NewCustomer())
            .SelectMany(c => Enumerable.Range(0, 3).Select(n => FailedSearch(c, at.AddSeconds(n)) with { Stage = JourneyStage.Service }));
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. detractors, .. waits, .. searches]))).StatusCode);
        var byRule = await Eventually.ResultAsync(
            async () => (await ReadArray(await http.GetAsync("api/alerts?open=true&limit=100"))).GroupBy(a => (string)a!["ruleId"]!).ToDictionary(g => g.Key, g => g.Count()),
            rules => rules.GetValueOrDefault("detractor") == 4 && rules.GetValueOrDefault("long-wait") == 3 && rules.GetValueOrDefault("repeated-failed-search") == 2, Patience, "the alerts of three rules");

        var page = await fixture.NewPageAsync("/?mode=wall", app, width: 1024, height: 768);
        await Assertions.Expect(page.Locator("#top-touchpoints li")).ToHaveCountAsync(4, new() { Timeout = 10_000 }); // web/search too
        await Assertions.Expect(page.Locator("#top-touchpoints li:visible")).ToHaveCountAsync(3); // the three failing most
        await Assertions.Expect(page.Locator("#groups li:not(.more)")).ToHaveTextAsync(["Detractor score: 4"]);
        await Assertions.Expect(page.Locator("#groups li.more")).ToHaveTextAsync($"other rules: {byRule.Values.Sum() - 4}");
        await Assertions.Expect(page.Locator("#summary h2")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-mode-1024x768-other-rules.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_4_3_wall_places_its_cards_under_the_heat_map_it_draws_in_the_same_frame()
    {
        // On a 4 : 3 wall the heat map stands above the cards. It was drawn after the cards had been
        // placed (in the same render), and they stayed cut until the next render (the counters' next
        // push, the page turning): CI saw two cards end 12 and 116 px below a 1024 × 768 screen.
        using var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        await TouchpointAsync(http, 20, 20);
        var customers = Enumerable.Range(0, 12).Select(_ => NewCustomer()).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body([.. customers.Select(c => Make(c, DateTimeOffset.UtcNow.AddMinutes(-1),
            InteractionTypes.Survey, $"survey/nps-{c}", score: 1, attributes: new() { ["scale"] = "nps", ["comment"] = "Nobody called back about the refund." }) with { Channel = Channel.Survey })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await http.GetAsync("api/alerts?open=true&limit=100"))).Count > customers.Length, Patience, "the alerts");

        // The cards as the first frame with the heat map shows them, read at the start of the next
        // frame by a script that looks at every frame from the page's start (a poll begun once the page
        // had loaded could miss that frame, and see only a later render's).
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 768 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync($$"""
            (() => {
              const look = () => document.querySelector('#heatmap td') && document.querySelector('.alert')
                ? window.firstCards = {{CardsOnScreen}}
                : requestAnimationFrame(look);
              requestAnimationFrame(look);
            })();
            """);
        await page.GotoAsync(new Uri(app.BaseAddress, "/?mode=wall").ToString());
        var first = await (await page.WaitForFunctionAsync("() => window.firstCards", null, new() { Timeout = 10_000 })).JsonValueAsync<WallCard[]>();
        Assert.All(first, card => Assert.True(card.Bottom <= 768, $"1024 × 768: the card of {card.Rule} ends at {card.Bottom:F0} px, below the screen"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_incident_whose_touchpoint_fell_silent_says_so_instead_of_zero_percent_failing()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new CxLiveApp(clock: clock);
        using var http = app.CreateHttpClient();
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var at = clock.GetUtcNow().AddMinutes(-1);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await http.GetAsync("api/incidents?open=true"))).Any(i => (string)i!["touchpoint"]! == touchpoint), Patience, "the incident");

        clock.Advance(TimeSpan.FromMinutes(6)); // nothing since

        var page = await fixture.NewPageAsync("/", app);
        var card = page.Locator(".alert[data-rule='touchpoint-degradation']");
        await Assertions.Expect(card.Locator(".live")).ToHaveTextAsync("now: no traffic at all in the last 5 min (not recovered) · 0 customer alerts absorbed since it opened", new() { Timeout = 10_000 });
        await Assertions.Expect(card.Locator(".title")).ToHaveTextAsync($"{touchpoint}: no traffic in 5 min"); // not "failing: 100%" above it
        Assert.Contains(await ReadArray(await http.GetAsync("api/incidents?open=true")), i => (string)i!["touchpoint"]! == touchpoint); // still open
    }

    [Fact]
    public async Task Before_the_alerts_are_read_the_wall_claims_neither_zero_nor_all_clear()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/alerts", async route =>
        {
            asked.TrySetResult();
            await answer.Task; // a slow server: the list is on its way
            await route.ContinueAsync();
        });
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/").ToString());
        await asked.Task.WaitAsync(Patience);

        await Assertions.Expect(page.Locator("#empty")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#stat-open")).ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator("#stat-critical")).ToHaveTextAsync("—");

        answer.SetResult();
        await page.Locator("#connection[data-state=live]").WaitForAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#stat-open")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,]+$"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_figure_with_nothing_to_average_says_why_it_is_a_dash()
    {
        // The figures of an install where nothing was acknowledged, resolved or closed yet; the hub's
        // own counters, pushed every 10 s, are held back so that they cannot replace them.
        var stats = await ReadObject(await Http.GetAsync("api/alerts/stats"));
        foreach (var figure in new[] { "meanSecondsToAcknowledge", "meanSecondsToResolve", "recoveryRate" })
        {
            stats[figure] = null;
        }

        var page = await fixture.NewPageAsync("/", beforeLoad: async page =>
        {
            await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/alerts/stats", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = stats.ToJsonString() }));
            await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/cx"), socket =>
            {
                var server = socket.ConnectToServer();
                server.OnMessage(frame =>
                {
                    // SignalR's JSON messages end in a record separator; a frame may hold several.
                    var kept = string.Concat((frame.Text ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries)
                        .Where(message => !message.Contains("\"target\":\"wallStats\"", StringComparison.Ordinal)).Select(message => message + '\u001e'));
                    if (kept.Length > 0)
                    {
                        socket.Send(kept);
                    }
                });
            });
        });

        await Assertions.Expect(page.Locator("#stat-mtta")).ToHaveAttributeAsync("title", "No alert has been acknowledged yet");
        await Assertions.Expect(page.Locator("#stat-mtta")).ToHaveTextAsync("— (No alert has been acknowledged yet)"); // the words after the dash are for a screen reader
        await Assertions.Expect(page.Locator("#stat-mtta .why")).ToHaveClassAsync("sr-only why");
        await Assertions.Expect(page.Locator("#stat-recovery")).ToHaveTextAsync("— (No customer alert has ended recovered or lost yet)");
        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(page.Locator("#stat-mttr")).ToHaveAttributeAsync("title", "尚无告警被解决");
        await Assertions.Expect(page.Locator("#stat-mttr")).ToHaveTextAsync("—（尚无告警被解决）");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The page's clock stands still from before it loads, so its 10-second refresh never comes: only
    /// the incident itself can bring its touchpoint into the list of those failing most.
    /// </summary>
    [Fact]
    public async Task An_incidents_touchpoint_joins_the_failing_list_a_second_after_its_card()
    {
        var page = await fixture.NewPageAsync("/", beforeLoad: async p =>
        {
            await p.Clock.InstallAsync();
            await p.Clock.PauseAtAsync(DateTime.UtcNow.AddSeconds(1));
        });
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]))).StatusCode);

        // Frames come only as the test moves the page's clock: a frame's worth at a time until the card is drawn.
        var card = page.Locator(".alert[data-rule='touchpoint-degradation']", new() { Has = page.Locator(".touchpoint", new() { HasTextString = touchpoint }) });
        var moved = 0L;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await card.IsVisibleAsync() && waited.Elapsed < Patience)
        {
            await page.Clock.RunForAsync(16);
            moved += 16;
        }

        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 1 });
        await page.Clock.RunForAsync(1_500);
        Assert.True(moved + 1_500 < 10_000, $"the page's clock moved {moved + 1_500} ms: its own refresh may have come");
        await Assertions.Expect(page.Locator($"#top-touchpoints li[data-touchpoint='{touchpoint}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Wall_mode_summarises_by_rule_and_pages_through_the_rest()
    {
        var customers = await BurstAsync(6);
        var acknowledged = await Eventually.ResultAsync(async () => (await ReadArray(await Http.GetAsync($"api/alerts?customerId={customers[0]}"))).SingleOrDefault(), a => a is not null, Patience, "the first alert");
        await Http.PostAsync($"api/alerts/{(string)acknowledged!["id"]!}/ack", Body("{}"));
        var page = await fixture.NewPageAsync("/?mode=wall");

        // Across the room the counters stay on one line: a mean time's unit is set smaller beside its number.
        await Assertions.Expect(page.Locator("#stat-mtta .unit")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^ (s|min|h)$"));

        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#page")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^page 1 of \d+$"));
        await WholeCardsAsync(page);
        var grouped = await page.Locator("#groups li[data-rule='repeated-failed-search']").GetAttributeAsync("data-count");
        Assert.True(int.Parse(grouped!, CultureInfo.InvariantCulture) >= 6);
        // The counts include the cards on this page: the heading says so, not "the rest".
        await Assertions.Expect(page.Locator("#summary h2")).ToHaveTextAsync("Unresolved cards besides the pinned incidents, by rule");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-mode.png") });

        // Nobody touches a wall-mode screen (the language picker is hidden): it opens in the language chosen before.
        await page.EvaluateAsync("localStorage.setItem('cxlive.lang', 'zh-CN')");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#page")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^第 1 / \d+ 页$"));
    }

    /// <summary>
    /// Wall mode turns its pages by itself: someone who walks up to read a card holds the page with
    /// the space bar (or a tap on the page count), and the count says it is held, across the room.
    /// </summary>
    [Fact]
    public async Task Someone_reading_the_wall_holds_its_page_with_the_space_bar_or_a_tap_on_the_page_count()
    {
        await DetractorsAsync(10); // more than a page at 720p, as many cards as alerts (no incident takes them in)
        var page = await fixture.NewPageAsync("/?mode=wall", beforeLoad: p => p.Clock.InstallAsync(), width: 1280, height: 720); // pages turn only as the test moves the page's clock
        var count = page.Locator("#page");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^page 1 of ([2-9]|\d\d+)$"), new() { Timeout = 10_000 });

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^page 1 of \d+ · paused$"));
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-mode-paused-1280x720.png") });
        // The page's clock moves 23 s in all below, under SignalR's 30-s server timeout: past it the
        // page went "not live", where pages do not turn either.
        await page.Clock.RunForAsync(12_000); // a turn and more
        Assert.Matches(@"^page 1 of \d+ · paused$", await count.TextContentAsync());

        await count.ClickAsync(); // a tap lets it go, as the key does
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^page 1 of \d+$"));
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Clock.RunForAsync(9_000); // a whole period from the release: the old 10-s tick came 8 s after it
        Assert.Matches(@"^page 1 of \d+$", await count.TextContentAsync());
        await page.Clock.RunForAsync(2_000);
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^page 2 of \d+$"));

        await page.Keyboard.PressAsync("p"); // the count keeps the focus after the tap: P holds all the same
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^page 2 of \d+ · paused$"));
        await page.Context.CloseAsync();
    }
}
