using System.Net;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>An app whose clock the test turns: a week of days played in seconds.</summary>
public sealed class WeekFixture : IDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public JumpingClock Clock { get; } = new(Monday);

    public CxLiveApp App { get; }

    public WeekFixture() => App = new CxLiveApp(clock: Clock);

    public void Dispose() => App.Dispose();
}

/// <summary>The insights page over a simulated week: per day, the alerts raised, for how many, in their words.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsBrowserTests(BrowserFixture browser, WeekFixture week) : BrowserTest, IClassFixture<WeekFixture>, IDisposable
{
    protected override BrowserFixture Pages => browser;

    private readonly HttpClient _http = week.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Insights_shows_a_week_of_days_with_the_alerts_raised_each_day()
    {
        // Day d (Monday = 0) has d + 1 customers who each search three times in vain.
        var raised = 0;
        for (var day = 0; day < 7; day++)
        {
            var at = week.Clock.GetUtcNow().AddMinutes(-2);
            var searches = Enumerable.Range(0, day + 1).SelectMany(n =>
            {
                var customer = NewCustomer();
                return Enumerable.Range(0, 3).Select(k => FailedSearch(customer, at.AddSeconds(k * 20), $"linen shirt {day}-{n}"));
            }).ToArray();
            Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(searches))).StatusCode);
            raised += day + 1;
            var expected = raised;
            await Eventually.TrueAsync(async () => (await ReadArray(await _http.GetAsync("api/alerts?ruleId=repeated-failed-search&limit=1000"))).Count == expected,
                TimeSpan.FromSeconds(10), $"day {day}'s alerts raised");
            week.Clock.Advance(TimeSpan.FromDays(1));
        }

        var page = await browser.NewPageAsync("/insights?from=2026-11-16&to=2026-11-22&groupBy=rule", week.App);

        var group = page.Locator("#groups li[data-group='repeated-failed-search']");
        await Assertions.Expect(group).ToHaveAttributeAsync("data-raised", "28");
        await Assertions.Expect(page.Locator("form label span[data-i18n^='insights.']").First).ToHaveTextAsync("From (UTC day)"); // the days are UTC days, whatever the viewer's clock
        // Playing days also lets the book close quiet customers' alerts as lost: how many depends on its timers, not on this test.
        // Every alert is counted once, however it ended: recovered, lost, still open, or closed with the outage.
        var totals = new System.Text.RegularExpressions.Regex(@"^28 alerts · 28 customers · (\d+) recovered · (\d+) lost · (\d+) still open(?: · (\d+) closed with an outage, outcome unknown)?$");
        await Assertions.Expect(group.Locator(".totals")).ToHaveTextAsync(totals);
        var endings = totals.Match(await group.Locator(".totals").TextContentAsync() ?? "").Groups;
        Assert.Equal(28, Enumerable.Range(1, 4).Sum(n => endings[n].Success ? int.Parse(endings[n].Value) : 0));
        for (var day = 0; day < 7; day++)
        {
            var row = group.Locator($"tbody tr[data-day='2026-11-{16 + day}'] td");
            await Assertions.Expect(row.Nth(1)).ToHaveTextAsync((day + 1).ToString());
            await Assertions.Expect(row.Nth(2)).ToHaveTextAsync((day + 1).ToString());
        }

        // The outage's group had one day: that row, and the six quiet days in one line, not six rows of zeros.
        var outage = page.Locator("#groups li[data-group='touchpoint-degradation'] tbody tr");
        await Assertions.Expect(outage).ToHaveCountAsync(2);
        await Assertions.Expect(outage.First).ToHaveAttributeAsync("data-day", "2026-11-22");
        await Assertions.Expect(outage.Last).ToHaveTextAsync("6 other days: nothing raised or closed");
        // An outage names no customer (those it hurt are under their own rules): not "0 customers", as if it hurt nobody.
        var outageGroup = page.Locator("#groups li[data-group='touchpoint-degradation']");
        await Assertions.Expect(outageGroup.Locator(".totals")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 alert · touchpoint-wide, no single customer · (1 still open|0 still open · 1 touchpoint alert ended)$")); // recovered and lost are customers' endings: none here; still open or ended, it is counted
        await Assertions.Expect(outage.First.Locator("td").Nth(2)).ToHaveTextAsync("—");

        await Assertions.Expect(group.Locator(".words li")).ToHaveCountAsync(5);
        await Assertions.Expect(group.Locator(".words li").First).ToContainTextAsync("linen shirt 6-");
        await Assertions.Expect(group.Locator(".trend canvas")).ToBeVisibleAsync();
        // The chart in words (a canvas is silent to a screen reader), and a report is not marked live.
        await Assertions.Expect(group.Locator(".trend")).ToHaveAttributeAsync("aria-label", "Alerts raised per day: Nov 16 1, Nov 17 2, Nov 18 3, Nov 19 4, Nov 20 5, Nov 21 6, Nov 22 7");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "report");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "insights.png"), FullPage = true });

        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(group.Locator(".totals")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^28 条告警 · 28 位客户 · 挽回 \d+ · 流失 \d+ · 未解决 \d+"));
        await Assertions.Expect(outageGroup.Locator(".totals")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 条告警 · 触点级，不针对单个客户 · 未解决 [01]$"));
        await Assertions.Expect(group.Locator(".trend")).ToHaveAttributeAsync("aria-label", "每日告警数：11月16日 1，11月17日 2，11月18日 3，11月19日 4，11月20日 5，11月21日 6，11月22日 7"); // Chinese punctuation, not ": " and ", "
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "insights-zh.png"), FullPage = true });

        // The same figures as CSV: a header and one line per group and day. Sunday's 21 searches,
        // every one in vain, were all web/search had in its hour: a search engine finding nothing
        // for everyone is an outage (docs/detectors.md), so that day also has one touchpoint-degradation alert.
        var csv = await _http.GetStringAsync("api/insights/pain-points?from=2026-11-16&to=2026-11-23&groupBy=rule&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rule,day,raised,customers,", lines[0]);
        Assert.Equal(Enumerable.Range(0, 7).Select(d => $"repeated-failed-search,2026-11-{16 + d},{d + 1},{d + 1},"),
            lines.Where(l => l.StartsWith("repeated-failed-search,")).Select(l => string.Join(',', l.Split(',').Take(4)) + ","));
        Assert.Equal(["touchpoint-degradation,2026-11-22,1,0,"],
            lines.Where(l => !l.StartsWith("repeated-failed-search,") && l != lines[0]).Select(l => string.Join(',', l.Split(',').Take(4)) + ","));
    }

    [Fact]
    public async Task Days_the_wrong_way_round_are_said_in_the_pages_language_with_no_report_under_them()
    {
        // The API's answer was shown as it came, in English ("from: must be before 'to'"), above the
        // Chinese "no alerts in this window": a window that does not exist, reported as empty.
        var page = await browser.NewPageAsync("/insights?from=2026-11-22&to=2026-11-16&groupBy=rule", week.App,
            p => p.Context.AddInitScriptAsync("localStorage.setItem('cxlive.lang', 'zh-CN')"));
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("开始日期晚于结束日期：请选择不晚于结束日期的开始日期。");
        await Assertions.Expect(page.Locator("#none")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#groups li")).ToHaveCountAsync(0);

        await page.SelectOptionAsync("#lang", "en");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("The From day is after the To day: pick a From day on or before the To day.");
        await Assertions.Expect(page.Locator("#none")).ToBeHiddenAsync();
    }

    /// <summary>The window limit came as the API's English reason ("from: the window may span at most 90 days…") on a Chinese page.</summary>
    [Fact]
    public async Task A_window_longer_than_insights_are_kept_is_said_in_the_pages_language_with_no_report_under_it()
    {
        // 2026-08-18 to 2026-11-16, both included, is 91 days: one more than the 90 insights keep.
        var page = await browser.NewPageAsync("/insights?from=2026-08-18&to=2026-11-16&groupBy=rule", week.App,
            p => p.Context.AddInitScriptAsync("localStorage.setItem('cxlive.lang', 'zh-CN')"));
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("洞察数据保留 90 天：所选日期（含开始日和结束日）最多 90 天。");
        await Assertions.Expect(page.Locator("#none")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#groups li")).ToHaveCountAsync(0);

        await page.SelectOptionAsync("#lang", "en");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("Insights are kept for 90 days: pick at most 90 days, the From and To days included.");

        // A day later is 90 days: the report comes.
        await page.FillAsync("input[name=from]", "2026-08-19");
        await page.ClickAsync("#window button[type=submit]");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ alerts? raised, in \d+ groups?$"));
    }

    /// <summary>The analyst trial: from=2026-13-40 failed the page with "Invalid time value", and groupBy=weather read "No alerts were raised in this window" over an API 400.</summary>
    [Fact]
    public async Task Values_in_the_address_the_page_cannot_show_are_named_and_the_defaults_shown_instead()
    {
        var page = await browser.NewPageAsync("/insights?from=2026-13-40&to=2026-11-22&groupBy=weather", week.App);

        await Assertions.Expect(page.Locator("#not-taken")).ToHaveTextAsync("The address asked for from=2026-13-40, groupBy=weather, which this page cannot show: the defaults are shown instead.");
        await Assertions.Expect(page.Locator("select[name=groupBy]")).ToHaveValueAsync("rule");
        await Assertions.Expect(page.Locator("input[name=to]")).ToHaveValueAsync("2026-11-22"); // what it could take, it took
        await Assertions.Expect(page.Locator("input[name=from]")).ToHaveValueAsync("2026-11-16"); // the week up to it
        await Assertions.Expect(page.Locator("#csv")).ToHaveAttributeAsync("href", "/api/insights/pain-points?from=2026-11-16&to=2026-11-23&groupBy=rule&format=csv"); // the week's report, by rule, is what it reads
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "insights-not-taken.png") });
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true"); // no script error on the way
    }
}
