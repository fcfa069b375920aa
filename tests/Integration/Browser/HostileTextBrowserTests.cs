using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// An integrator's text that is really markup and script (in every free-text field) reaches the
/// wall, wall mode, the agent console, the customer view and the sign-in page as plain text: no
/// element is made from it, no script of it runs, and nothing the pages do trips their
/// Content-Security-Policy or Trusted Types (a violation would mean a page tried to parse text as HTML).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileTextBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    /// <summary>Markup whose only effect, if a page ever parsed it, would be to set window.cxPwned.</summary>
    private static string Img(string field) => $"<img src=x onerror=window.cxPwned={field}>";

    private static string Script(string field) => $"<script>window.cxPwned={field}</script>";

    // Records what the browser blocked and what threw, from before the page's own scripts run.
    private const string Watch = """
        window.cxViolations = [];
        document.addEventListener("securitypolicyviolation", e => window.cxViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
        """;

    private sealed record Hostile(string Searcher, string SurveyTaker, string Channel, string LaterSegment, string Query, string Comment, string OrderId, string Agent);

    /// <summary>
    /// Two customers with markup in their ids: one searches in vain on a touchpoint whose channel
    /// segment is markup and keeps looking up an order whose id is markup; the other, reached by
    /// email, answers a survey as a detractor with markup in the comment and complains with markup
    /// in the text and the case. A supervisor named in markup then assigns and resolves.
    /// </summary>
    private async Task<Hostile> IngestHostileTextAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var hostile = new Hostile(
            Searcher: Img("1") + "c-" + tag,
            SurveyTaker: Script("2") + "c-" + tag,
            Channel: Img("3") + tag,
            LaterSegment: Img("4") + tag,
            Query: Img("5") + Script("5") + " red shoes",
            Comment: Img("6") + "\"></p><b>delivery late</b>",
            OrderId: Img("7") + tag,
            Agent: Img("8") + "supervisor");
        var at = DateTimeOffset.UtcNow.AddMinutes(-8);
        var searches = Enumerable.Range(0, 3).Select(n => Make(hostile.Searcher, at.AddSeconds(n * 20), InteractionTypes.Search, $"{hostile.Channel}/search",
            score: 0, attributes: new() { ["query"] = $"{hostile.Query} {n}" }) with { Stage = JourneyStage.Research });
        var lookups = Enumerable.Range(0, 3).Select(n => Make(hostile.Searcher, at.AddMinutes(2).AddSeconds(n * 20), InteractionTypes.OrderStatus, $"web/{hostile.LaterSegment}",
            attributes: new() { ["orderId"] = hostile.OrderId }) with { Stage = JourneyStage.Receive });
        var survey = new[]
        {
            Make(hostile.SurveyTaker, at, InteractionTypes.Contact, "email/support") with { Channel = Channel.Email },
            Make(hostile.SurveyTaker, at.AddMinutes(1), InteractionTypes.Complaint, $"email/{hostile.LaterSegment}",
                attributes: new() { ["text"] = Img("9") + "still no refund" }) with { Channel = Channel.Email, CaseId = Img("10") + tag },
            Make(hostile.SurveyTaker, at.AddMinutes(2), InteractionTypes.Survey, $"survey/{hostile.LaterSegment}", score: 2,
                attributes: new() { ["scale"] = "nps", ["comment"] = hostile.Comment }) with { Channel = Channel.Survey },
        };
        var response = await Http.PostAsync("api/interactions", Body([.. searches, .. lookups, .. survey]));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(9, (int)(await ReadObject(response))["accepted"]!); // ingest keeps customers' words whatever they look like
        return hostile;
    }

    private static async Task<IPage> OpenAsync(BrowserFixture fixture, string path, List<string> errors)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "en-US" });
        await context.AddInitScriptAsync(Watch);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add($"{path}: {error}");
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, path).ToString());
        return page;
    }

    /// <summary>Nothing ran, nothing was blocked, nothing threw, and no element was made from the text.</summary>
    private static async Task AssertNothingRanAsync(IPage page, List<string> errors, string where)
    {
        Assert.Null(await page.EvaluateAsync<string?>("window.cxPwned === undefined ? null : String(window.cxPwned)"));
        var violations = await page.EvaluateAsync<string[]>("window.cxViolations");
        Assert.True(violations.Length == 0, $"{where}: the page tripped its security policy: {string.Join("; ", violations)}");
        Assert.True(errors.Count == 0, $"{where}: the page threw: {string.Join("; ", errors)}");
        Assert.Equal(0, await page.Locator("body img, body svg, body iframe, body object, body script, body b").CountAsync());
    }

    private static ILocator Card(IPage page, string customer) => page.Locator(".alert").Filter(new() { Has = page.Locator(".customer", new() { HasTextString = customer }) });

    [Fact]
    public async Task Markup_in_every_free_text_field_is_shown_as_text_on_every_page_and_never_runs()
    {
        var errors = new List<string>();
        var wall = await OpenAsync(fixture, "/", errors);
        var wallMode = await OpenAsync(fixture, "/?mode=wall&seconds=0.5", errors); // two pages a second, not one in ten
        await wall.Locator("#connection[data-state=live]").WaitForAsync(new() { Timeout = 15_000 });
        var hostile = await IngestHostileTextAsync();

        // The wall: the searcher's card, her id as the customer link, her queries in the detail,
        // and the markup channel as a heatmap column.
        var searches = Card(wall, hostile.Searcher).Filter(new() { HasTextString = "failed searches" });
        await Assertions.Expect(searches).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(searches.Locator(".customer")).ToHaveTextAsync(hostile.Searcher);
        await Assertions.Expect(searches.Locator(".detail")).ToContainTextAsync(hostile.Query + " 0");
        await Assertions.Expect(searches.Locator(".touchpoint")).ToHaveTextAsync($"{hostile.Channel}/search");
        await Assertions.Expect(searches.Locator(".suggestion")).ToContainTextAsync(hostile.Query);
        // One customer, one conversation: her order lookups fold into that card rather than raising
        // another (the order id is in her timeline, below, and in the alert's history).
        var searchAlert = await searches.GetAttributeAsync("data-alert-id");
        await Eventually.TrueAsync(async () => (await ReadObject(await Http.GetAsync($"api/alerts/{searchAlert}")))["folded"]!.AsArray().Any(r => (string?)r == "order-status-failure"),
            TimeSpan.FromSeconds(10), "the order lookups folded into the search alert");
        await Assertions.Expect(Card(wall, hostile.Searcher)).ToHaveCountAsync(1);
        await Assertions.Expect(wall.Locator("#heatmap th", new() { HasTextString = hostile.Channel })).ToHaveCountAsync(1);
        var detractor = Card(wall, hostile.SurveyTaker).Filter(new() { HasTextString = "Detractor" });
        await Assertions.Expect(detractor.Locator(".detail")).ToContainTextAsync(hostile.Comment, new() { Timeout = 10_000 });

        // A supervisor whose name is markup assigns the search alert: the card shows the name as text.
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{searchAlert}/ack", Body(Json(new { by = hostile.Agent })))).StatusCode);
        await Assertions.Expect(searches.Locator(".state")).ToHaveTextAsync("acknowledged", new() { Timeout = 5_000 });
        await searches.Locator(".history summary").ClickAsync();
        await Assertions.Expect(searches.Locator(".history .by", new() { HasTextString = hostile.Agent })).ToHaveCountAsync(1);
        await Assertions.Expect(searches.Locator(".history .note", new() { HasTextString = hostile.OrderId })).Not.ToHaveCountAsync(0); // the folded lookups' titles
        await AssertNothingRanAsync(wall, errors, "wall");

        // Wall mode, across the room: the same cards, a page at a time (as many as fit on the
        // screen), and the markup channel as a heatmap column.
        await Assertions.Expect(wallMode.Locator("#heatmap th", new() { HasTextString = hostile.Channel })).ToHaveCountAsync(1);
        var inWallMode = Card(wallMode, hostile.SurveyTaker).Filter(new() { HasTextString = "Detractor" });
        await Assertions.Expect(inWallMode.Locator(".detail")).ToContainTextAsync(hostile.Comment, new() { Timeout = 60_000 });
        await AssertNothingRanAsync(wallMode, errors, "wall mode");

        // The agent console with the detractor's prompt open: who, why, what to say, her timeline.
        var console = await OpenAsync(fixture, "/agent?agentId=wang.wei", errors);
        var item = console.Locator("#queue li", new() { HasTextString = hostile.SurveyTaker }).Filter(new() { HasTextString = "Detractor" });
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(item.Locator(".who")).ToHaveTextAsync($"{hostile.SurveyTaker} · Email"); // the channel in the page's language
        await item.ClickAsync();
        await Assertions.Expect(console.Locator("#prompt .customer")).ToHaveTextAsync(hostile.SurveyTaker);
        await Assertions.Expect(console.Locator("#prompt .detail")).ToContainTextAsync(hostile.Comment);
        await Assertions.Expect(console.Locator("#prompt tbody td", new() { HasTextString = $"survey/{hostile.LaterSegment}" })).ToHaveCountAsync(1);
        await Assertions.Expect(console.Locator("#prompt tbody td", new() { HasTextString = $"email/{hostile.LaterSegment}" })).ToHaveCountAsync(1);

        // The alert is resolved "by" markup while the prompt is open: the withdrawal says who, as text.
        var promptId = await item.GetAttributeAsync("data-prompt-id");
        var alertId = (string)(await ReadObject(await Http.GetAsync($"api/outreach/{promptId}")))["alertId"]!;
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{alertId}/resolve", Body(Json(new { by = hostile.Agent })))).StatusCode);
        await Assertions.Expect(console.Locator("#recorded")).ToContainTextAsync(hostile.Agent, new() { Timeout = 5_000 });
        await AssertNothingRanAsync(console, errors, "agent console");

        // The customer view of the searcher: her id in the heading, her alerts, her timeline.
        var view = await OpenAsync(fixture, $"/customers/{Uri.EscapeDataString(hostile.Searcher)}", errors);
        await Assertions.Expect(view.Locator("#customer-id")).ToHaveTextAsync(hostile.Searcher);
        await Assertions.Expect(view.Locator("#timeline tr")).ToHaveCountAsync(6, new() { Timeout = 10_000 });
        await Assertions.Expect(view.Locator("#timeline td", new() { HasTextString = $"{hostile.Channel}/search" })).ToHaveCountAsync(3);
        await Assertions.Expect(view.Locator("#timeline td", new() { HasTextString = $"looked up order {hostile.OrderId}" })).ToHaveCountAsync(3);
        await Assertions.Expect(view.Locator("#alerts li")).ToHaveCountAsync(1);
        await Assertions.Expect(view.Locator("#curve canvas")).ToBeVisibleAsync();
        await AssertNothingRanAsync(view, errors, "customer view");

        // The sign-in page with markup where it takes text from the address.
        var login = await OpenAsync(fixture, $"/login?error=1&returnUrl={Uri.EscapeDataString("\">" + Img("11"))}", errors);
        await Assertions.Expect(login.Locator("#error")).ToBeVisibleAsync();
        Assert.Equal("\">" + Img("11"), await login.Locator("#returnUrl").InputValueAsync());
        await AssertNothingRanAsync(login, errors, "sign-in page");
    }

    /// <summary>
    /// A note with an override in it (U+202E: invisible, it reverses what follows) goes into the
    /// page's sentence without it and isolated, so the page's own words read as written.
    /// </summary>
    [Fact]
    public async Task Bidirectional_formatting_in_a_note_does_not_turn_the_pages_sentence_around()
    {
        var errors = new List<string>();
        var page = await OpenAsync(fixture, "/", errors);

        var said = await page.EvaluateAsync<string>("async () => (await import('/i18n.js')).t('withdrawn.said', { why: 'Withdrawn', note: 'call\u202e back' })");

        Assert.Equal("Withdrawn. Their note: “\u2068call back\u2069”", said);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_orleans_dashboard_still_works_under_its_own_policy()
    {
        var errors = new List<string>();
        var page = await OpenAsync(fixture, "/orleans/", errors);

        await Assertions.Expect(page.Locator("#brand-header")).Not.ToBeEmptyAsync(new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var violations = await page.EvaluateAsync<string[]>("window.cxViolations");
        Assert.True(violations.Length == 0, $"the Orleans dashboard tripped its policy: {string.Join("; ", violations)}");
        Assert.Empty(errors);
    }
}
