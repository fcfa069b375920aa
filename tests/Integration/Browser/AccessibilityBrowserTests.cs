using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// What supervisors and agents see, in English and in Chinese, checked by axe-core (tests/Axe, restored from npm
/// by the build) against WCAG 2.2 A and AA: each page in the states that matter (cards open, acknowledged,
/// snoozed and resolved, a history opened, a prompt opened, a sign-in that failed).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    public static TheoryData<string> Languages => new() { "en", "zh-CN" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_wall_with_cards_in_every_state_and_a_history_open(string language)
    {
        var page = await fixture.NewPageAsync("/");
        // Four customers, each with a failed-search card on a touchpoint of their own (no incident absorbs them).
        var (open, acknowledged, snoozed, resolved) = (NewCustomer(), NewCustomer(), NewCustomer(), NewCustomer());
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body([.. new[] { open, acknowledged, snoozed, resolved }.SelectMany(customer => FailedSearchesOfHerOwn(customer, at))]))).StatusCode);

        async Task<string> CardAsync(string customer)
        {
            await Assertions.Expect(Card(page, customer)).ToBeVisibleAsync(new() { Timeout = 10_000 });
            return (await Card(page, customer).GetAttributeAsync("data-alert-id"))!;
        }

        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{await CardAsync(acknowledged)}/ack", Body(Json(new { by = "li.na", note = "calling her back" })))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{await CardAsync(snoozed)}/snooze", Body(Json(new { until = DateTimeOffset.UtcNow.AddHours(2), by = "zhang.min" })))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{await CardAsync(resolved)}/resolve", Body(Json(new { by = "li.na", outcome = "recovered" })))).StatusCode);
        await CardAsync(open);
        foreach (var (customer, state) in new[] { (open, "open"), (acknowledged, "acknowledged"), (snoozed, "snoozed"), (resolved, "resolved") })
        {
            await Assertions.Expect(Card(page, customer)).ToHaveAttributeAsync("data-state", state, new() { Timeout = 5_000 });
            await Assertions.Expect(Card(page, customer)).ToBeVisibleAsync();
        }

        // The acknowledged card's history, opened: its steps drawn (raised, then acknowledged).
        var history = Card(page, acknowledged).Locator(".history");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(history.Locator("li").Nth(1)).ToBeVisibleAsync();

        await SwitchToAsync(page, language);
        if (language == "zh-CN")
        {
            await Assertions.Expect(Card(page, acknowledged).Locator(".state")).ToHaveTextAsync(new Regex("^已确认"));
            await Assertions.Expect(history.Locator("summary")).ToHaveTextAsync(new Regex(@"^处理记录（\d+）$"));
        }

        await AssertAccessibleAsync(page, $"the wall ({language})");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, $"wall-card-states-{language}.png"), FullPage = true }); // to look at: a done card darker, a snoozed one dashed, all readable
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_agent_console_with_a_prompt_open(string language)
    {
        var page = await fixture.NewPageAsync("/agent?agentId=wang.wei");
        // An email customer's card fails twice: her prompt goes to wang.wei (the only one here who emails customers).
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedPaymentsAfterAnEmail(customer, at)))).StatusCode);
        var item = page.Locator("#queue li", new() { HasText = customer }).Filter(new() { HasText = "failed payments" });
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await item.ClickAsync();
        await Assertions.Expect(page.Locator("#prompt")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#prompt .why")).ToHaveTextAsync(new Regex("^2 failed payments"));

        await SwitchToAsync(page, language);
        if (language == "zh-CN")
        {
            await Assertions.Expect(page.Locator("#queue-title")).ToHaveTextAsync("我的主动联系任务");
            await Assertions.Expect(page.Locator("#agent option[value='sam.taylor']")).ToHaveTextAsync("Sam Taylor（门店）"); // his skill is "Store" here: it was shown as written
        }

        await AssertAccessibleAsync(page, $"the agent console ({language})");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_customers_page_with_an_open_and_a_resolved_alert(string language)
    {
        // Her failed searches, resolved as recovered; then two failed payments, still open.
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-6);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearchesOfHerOwn(customer, at)))).StatusCode);
        var searches = await AlertOfAsync(customer, "repeated-failed-search");
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{searches}/resolve", Body(Json(new { by = "li.na", outcome = "recovered" })))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(
            Make(customer, at.AddMinutes(3), InteractionTypes.Payment, $"web/checkout-{customer}", Outcome.Failure),
            Make(customer, at.AddMinutes(4), InteractionTypes.Payment, $"web/checkout-{customer}", Outcome.Failure)))).StatusCode);
        await AlertOfAsync(customer, "payment-failure");

        var page = await fixture.NewPageAsync($"/customers/{customer}");
        await Assertions.Expect(page.Locator("#alerts li .line").Filter(new() { HasText = " · open" })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#alerts li .line").Filter(new() { HasText = " · resolved" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#timeline tr").First).ToBeVisibleAsync();

        await SwitchToAsync(page, language);
        if (language == "zh-CN")
        {
            await Assertions.Expect(page.Locator("#alerts li .line").Filter(new() { HasText = "已解决" })).ToHaveCountAsync(1);
        }

        await AssertAccessibleAsync(page, $"a customer's page ({language})");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Insights(string language)
    {
        // At least one alert raised today, so the report has a group with its days and words.
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearchesOfHerOwn(customer, at, "linen shirt")))).StatusCode);
        await AlertOfAsync(customer, "repeated-failed-search");

        var page = await fixture.NewPageAsync("/insights");
        await Assertions.Expect(page.Locator("#groups li[data-group='repeated-failed-search']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#groups li[data-group='repeated-failed-search'] .days tbody tr").First).ToBeVisibleAsync();

        await SwitchToAsync(page, language);
        if (language == "zh-CN")
        {
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("客户在哪里受挫、涉及多少人、他们怎么说");
        }

        await AssertAccessibleAsync(page, $"insights ({language})");
    }

    /// <summary>
    /// The sign-in page, as it is after a wrong password (its error showing). It is the same page with or without
    /// people configured, so the shared app's serves (an app with sign-in would cost a cluster for nothing).
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_sign_in_page_after_a_wrong_password(string language)
    {
        var page = await PageWithoutHubAsync("/login?error=1&returnUrl=%2Fagent");
        await Assertions.Expect(page.Locator("#username")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error")).ToBeVisibleAsync();

        await SwitchToAsync(page, language);
        if (language == "zh-CN")
        {
            await Assertions.Expect(page.Locator("button[type=submit]")).ToHaveTextAsync("登录");
        }

        await AssertAccessibleAsync(page, $"the sign-in page ({language})");
    }

    /// <summary>Not NewPageAsync: a page that follows no hub (sign-in, a refusal) has no connection state to wait for.</summary>
    private async Task<IPage> PageWithoutHubAsync(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, path).ToString());
        return page;
    }

    /// <summary>The page a person reads where their role does not open one (<c>RefusedPageBrowserTests</c>); served as a file here, where nobody is refused.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_page_for_a_role_that_may_not_open_one(string language)
    {
        var page = await PageWithoutHubAsync("/forbidden.html");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await SwitchToAsync(page, language);
        if (language == "zh-CN")
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("您的账号不能打开此页面");
        }

        await AssertAccessibleAsync(page, $"the refused page ({language})");
    }

    /// <summary>
    /// 1280 px at 200 % zoom is a 640 px window: the accessibility trial found the wall's title on four
    /// lines and its connection badge cut off at the right edge. Every page's header stays on screen.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/agent")]
    [InlineData("/insights")]
    public async Task At_200_percent_zoom_the_header_stays_in_the_window(string path)
    {
        var page = await fixture.NewPageAsync(path, width: 640, height: 800);
        var badge = (await page.Locator("#connection").BoundingBoxAsync())!;
        Assert.True(badge.X >= 0 && badge.X + badge.Width <= 640, $"the connection badge spans {badge.X}–{badge.X + badge.Width} px of 640");
        Assert.True(await page.Locator(".bar").EvaluateAsync<bool>("bar => bar.scrollWidth <= bar.clientWidth"), "the header runs past its width");
        await page.Locator(".bar").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, $"header-640{path.Replace('/', '-')}.png") });
    }

    private static ILocator Card(IPage page, string customer) => page.Locator($".alert[data-customer='{customer}']");

    private async Task<string> AlertOfAsync(string customer, string rule) =>
        (string)(await Eventually.ResultAsync(async () => (await ReadArray(await Http.GetAsync($"api/alerts?customerId={customer}&ruleId={rule}"))).FirstOrDefault(),
            a => a is not null, TimeSpan.FromSeconds(10), $"{customer}'s {rule} alert"))!["id"]!;

    /// <summary>Picks the language in the page's own picker, and waits until the page has been translated.</summary>
    private static async Task SwitchToAsync(IPage page, string language)
    {
        await page.SelectOptionAsync("#lang", language);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("[data-i18n='nav.language']")).ToHaveTextAsync(language == "zh-CN" ? "语言" : "Language");
    }

    // ---- axe ----

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>How many elements the failure message shows for each way a rule failed (its failure summary).</summary>
    private const int NodesShown = 5;

    /// <summary>axe-core's script, restored by the build into tests/Axe (CxLive.Tests.Integration.csproj, RestoreAxe).</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CxLive.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException($"No CxLive.sln above {AppContext.BaseDirectory}"),
            "tests", "Axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException("axe-core is missing: build tests/Integration, which runs npm ci in tests/Axe", path);
    });

    /// <summary>
    /// Runs axe in the page and reports what it found. The pages' policy forbids inline script and eval, and
    /// requires Trusted Types; a script evaluated through the DevTools protocol is not subject to the first two,
    /// and axe assigns no HTML strings. Should the policy still block something axe does, the run says so
    /// (a CSP violation or a rule that errored) rather than passing quietly.
    /// <para>
    /// One kind of "needs review" counts as a violation too: text of one or two characters whose contrast axe
    /// measured, and found too low, but leaves for review because so short a text might be an icon. Here it is
    /// a number, as in the heat map's cells (a hot cell's "5" in white on red was 3.3 : 1), so it is a failure.
    /// </para>
    /// </summary>
    private const string RunAxe = """
        async tags => {
          const blocked = [];
          const onViolation = e => blocked.push(`${e.violatedDirective} (${e.sample || e.blockedURI || "no sample"})`);
          document.addEventListener("securitypolicyviolation", onViolation);
          try {
            const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
            await new Promise(resolve => setTimeout(resolve)); // a violation's event is queued as a task: let it arrive
            const target = node => node.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" ");
            const violations = result.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(node => ({ target: target(node), html: node.html, summary: node.failureSummary })),
            }));
            const shortText = result.incomplete.filter(rule => rule.id === "color-contrast").flatMap(rule => rule.nodes.flatMap(node => node.any
              .filter(check => check.data?.messageKey === "shortTextContent" && check.data.contrastRatio > 0 && check.data.contrastRatio < parseFloat(check.data.expectedContrastRatio))
              .map(({ data }) => ({ target: target(node), html: node.html,
                summary: `Short text (axe leaves it for review) with insufficient color contrast of ${data.contrastRatio} (foreground color: ${data.fgColor}, background color: ${data.bgColor}, font size: ${data.fontSize}, font weight: ${data.fontWeight}). Expected contrast ratio of ${data.expectedContrastRatio}` }))));
            if (shortText.length) {
              const rule = result.incomplete.find(rule => rule.id === "color-contrast");
              violations.push({ id: "color-contrast (short text)", impact: "serious", help: rule.help, helpUrl: rule.helpUrl, nodes: shortText });
            }
            return JSON.stringify({
              version: axe.version,
              blocked,
              errors: result.incomplete.filter(rule => rule.error).map(rule => `${rule.id}: ${rule.error.message ?? JSON.stringify(rule.error)}`),
              violations,
            });
          } finally {
            document.removeEventListener("securitypolicyviolation", onViolation);
          }
        }
        """;

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"), $"axe-core did not load into {what}");
        var report = JsonSerializer.Deserialize<AxeReport>(await page.EvaluateAsync<string>(RunAxe, Tags), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        // These are the test's own problems, not the page's: said apart, so nobody hunts for them in the page.
        Assert.True(report.Blocked.Length == 0, $"The page's content security policy blocked axe in {what}: {string.Join("; ", report.Blocked)}");
        Assert.True(report.Errors.Length == 0, $"axe rules failed to run in {what}: {string.Join("; ", report.Errors)}");
        if (report.Violations.Length == 0)
        {
            return;
        }

        var screenshot = Path.Combine(BrowserFixture.Screenshots, $"accessibility-{Regex.Replace(what, "[^A-Za-z0-9]+", "-").Trim('-')}.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        var message = new StringBuilder($"axe-core {report.Version} found {report.Violations.Length} WCAG 2.2 A/AA violation(s) in {what} (screenshot: {screenshot}):");
        foreach (var violation in report.Violations)
        {
            message.Append($"\n\n{violation.Id} ({violation.Impact}, {violation.Nodes.Length} element(s)): {violation.Help}\n  {violation.HelpUrl}");
            // Grouped by how they fail: the dimmed cards' twenty-odd elements come down to a few pairs of colours.
            foreach (var failure in violation.Nodes.GroupBy(node => node.Summary ?? ""))
            {
                message.Append($"\n  {failure.Key.ReplaceLineEndings("\n  ")}");
                foreach (var node in failure.Take(NodesShown))
                {
                    message.Append($"\n    - {node.Target}   {Shorten(node.Html)}");
                }

                if (failure.Count() > NodesShown)
                {
                    message.Append($"\n    … and {failure.Count() - NodesShown} more");
                }
            }
        }

        Assert.Fail(message.ToString());
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";

    private sealed record AxeReport(string Version, string[] Blocked, string[] Errors, AxeViolation[] Violations);

    private sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, AxeNode[] Nodes);

    private sealed record AxeNode(string Target, string Html, string? Summary);
}
