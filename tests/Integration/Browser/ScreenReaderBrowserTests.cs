using System.Net;
using System.Text.RegularExpressions;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// What a supervisor or an agent who cannot see the screen is told: the accessibility review found
/// new alerts and prompts arriving unsaid, the keyboard thrown to the top of the page when a card
/// changed under it, and a customer's score curve that said nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenReaderBrowserTests(BrowserFixture fixture) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    /// <summary>Three failed searches on a touchpoint of her own (on a shared one, enough failures make an outage that takes her card in).</summary>
    private async Task<ILocator> CardOfFailedSearchesAsync(IPage page, string customer)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearchesOfHerOwn(customer, DateTimeOffset.UtcNow.AddMinutes(-3))))).StatusCode);
        var card = page.Locator($".alert[data-customer='{customer}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        return card;
    }

    [Fact]
    public async Task A_new_card_is_said_once_it_is_on_the_wall_without_reading_the_whole_list_again()
    {
        var page = await fixture.NewPageAsync("/");
        var customer = NewCustomer();

        var card = await CardOfFailedSearchesAsync(page, customer);

        var severity = await card.Locator(".severity").TextContentAsync();
        await Assertions.Expect(page.Locator("#arrivals")).ToHaveTextAsync($"New {severity} alert: 3 failed searches in 40 s ({customer})", new() { Timeout = 5_000 });
        Assert.Equal("status", await page.Locator("#arrivals").GetAttributeAsync("role"));
        Assert.Null(await page.Locator("#alerts").GetAttributeAsync("aria-live"));
        await Assertions.Expect(card.Locator("h3.title")).ToHaveTextAsync("3 failed searches in 40 s"); // a heading: the screen reader's keys go from card to card
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("Live alert wall$"));
    }

    /// <summary>The accessibility audit: up to 200 buttons named only "Acknowledge", and a severity heard only by going back from the heading.</summary>
    [Fact]
    public async Task A_cards_buttons_say_which_alert_they_act_on_and_its_severity_follows_its_heading()
    {
        var page = await fixture.NewPageAsync("/");
        var card = await CardOfFailedSearchesAsync(page, NewCustomer());

        var actions = card.GetByRole(AriaRole.Group, new() { Name = "3 failed searches in 40 s", Exact = true });
        await Assertions.Expect(actions.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToBeVisibleAsync();
        await Assertions.Expect(actions.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToBeVisibleAsync();
        // Read after the heading, drawn before it.
        Assert.True(await card.EvaluateAsync<bool>("li => !!(li.querySelector('h3.title').compareDocumentPosition(li.querySelector('.severity')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        var severity = await card.Locator(".severity").BoundingBoxAsync();
        var title = await card.Locator("h3.title").BoundingBoxAsync();
        Assert.True(severity!.X + severity.Width <= title!.X, $"severity at x={severity.X}, title at x={title.X}");
    }

    [Theory]
    [InlineData("en", "^3 failed searches in 40 s: resolved")]
    [InlineData("zh-CN", "^[^:]+：已解决")] // in Chinese punctuation: it read "…: 已解决"
    public async Task A_card_resolved_elsewhere_under_the_keyboard_keeps_the_focus_on_it_and_says_so(string language, string said)
    {
        var page = await fixture.NewPageAsync("/", beforeLoad: p => p.Context.AddInitScriptAsync($"localStorage.setItem('cxlive.lang', '{language}')"));
        var card = await CardOfFailedSearchesAsync(page, NewCustomer());
        await card.Locator("button[data-action=ack]").FocusAsync();

        var alertId = await card.GetAttributeAsync("data-alert-id");
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{alertId}/resolve", Body(Json(new { by = "zhang.min" })))).StatusCode);

        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "resolved", new() { Timeout = 5_000 });
        await Assertions.Expect(card.Locator("button[data-action=mute]")).ToBeFocusedAsync(); // the one action left, not the top of the page
        await Assertions.Expect(page.Locator("#card-news")).ToHaveTextAsync(new Regex(said));
    }

    /// <summary>The review: the focus went to the last card of the wall, as the cards that stay were put ahead of those leaving before it was placed.</summary>
    [Fact]
    public async Task A_card_that_leaves_the_wall_with_the_keyboard_on_it_hands_the_focus_to_the_card_in_its_place()
    {
        var page = await fixture.NewPageAsync("/");
        // Newest first: newest, middle (leaves), after, oldest. The focus belongs on "after", not on the last card.
        var (newest, middle, after, oldest) = (NewCustomer(), NewCustomer(), NewCustomer(), NewCustomer());
        await CardOfFailedSearchesAsync(page, oldest);
        await CardOfFailedSearchesAsync(page, after);
        var leaving = await CardOfFailedSearchesAsync(page, middle);
        await CardOfFailedSearchesAsync(page, newest);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"api/alerts/{await leaving.GetAttributeAsync("data-alert-id")}/ack", Body(Json(new { by = "li.na" })))).StatusCode);
        await Assertions.Expect(leaving).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 5_000 });
        await leaving.Locator("button[data-action=assign]").FocusAsync();
        // The open card after it, which stays when the wall is narrowed to open alerts.
        var next = await leaving.EvaluateAsync<string>("li => { for (let n = li.nextElementSibling; n; n = n.nextElementSibling) if (n.dataset.state === 'open') return n.dataset.alertId; return null; }");
        Assert.Equal(await page.Locator($".alert[data-customer='{after}']").GetAttributeAsync("data-alert-id"), next);

        // The filter changed from elsewhere (another tab's address, a script): the card leaves with the keyboard on it.
        await page.EvaluateAsync("() => { const state = document.getElementById('filters').elements.state; state.value = 'open'; state.dispatchEvent(new Event('change', { bubbles: true })); }");

        await Assertions.Expect(leaving).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($".alert[data-alert-id='{next}'] :focus")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// At 4 alerts a second an accessibility trial heard one 15-word sentence every 1.2–1.7 s. The
    /// page's own announcer, on its own clock: while arrivals keep coming, it says them less and less
    /// often (gathering 1, 2, 4, 8 s); after a quiet spell, the next is said within a second again.
    /// </summary>
    [Fact]
    public async Task Arrivals_in_a_flood_are_said_less_often_and_a_lone_one_soon_again()
    {
        var page = await fixture.NewPageAsync("/", beforeLoad: p => p.Clock.InstallAsync());
        await page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(1));
        await page.EvaluateAsync("""
            async () => {
              const { announcer } = await import("/dom.js");
              const line = document.createElement("p");
              document.body.append(line);
              window.said = [];
              new MutationObserver(() => window.said.push(line.textContent)).observe(line, { childList: true, characterData: true, subtree: true });
              window.say = announcer(line, one => `one: ${one}`, many => `${many.length} new`);
            }
            """);

        for (var quarter = 0; quarter < 48; quarter++) // 4 a second for 12 s
        {
            await page.EvaluateAsync("n => say([n])", quarter);
            await page.Clock.RunForAsync(250);
        }

        var flood = await page.EvaluateAsync<string[]>("() => window.said");
        Assert.Equal(["4 new", "8 new", "16 new"], flood); // at 1, 3 and 7 s (the fourth comes at 15 s); one a second was 12 lines

        await page.Clock.RunForAsync(15_000); // the last of the flood is said, then quiet
        await page.EvaluateAsync("() => say(['alone'])");
        await page.Clock.RunForAsync(1_000);
        Assert.Equal("one: alone", await page.EvaluateAsync<string>("() => window.said.at(-1)"));
    }

    [Fact]
    public async Task A_new_prompt_is_said_to_the_agent()
    {
        var page = await fixture.NewPageAsync("/agent?agentId=wang.wei");
        var customer = NewCustomer();

        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedPaymentsAfterAnEmail(customer, DateTimeOffset.UtcNow.AddMinutes(-5))))).StatusCode);

        await Assertions.Expect(page.Locator("#arrivals")).ToHaveTextAsync(new Regex($"^New prompt: 2 failed payments.*, {customer}, (warning|critical)$"), new() { Timeout = 5_000 });
        Assert.Null(await page.Locator("#queue").GetAttributeAsync("aria-live"));
    }

    /// <summary>
    /// An accessibility trial opened a prompt with the keyboard: each push about her (and the minute's
    /// new ages, and a new prompt) rebuilt the queue and focused the row again, and a screen reader read it all out again.
    /// </summary>
    [Fact]
    public async Task A_push_about_the_open_customer_leaves_the_keyboard_where_it_is_without_focusing_again()
    {
        var page = await fixture.NewPageAsync("/agent?agentId=wang.wei");
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedPaymentsAfterAnEmail(customer, at)))).StatusCode);
        var row = page.Locator($"#queue li[data-prompt-id] button.open", new() { HasTextString = customer });
        await row.FocusAsync(new() { Timeout = 5_000 });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#prompt .customer")).ToHaveTextAsync(customer);
        var timeline = page.Locator("#prompt .timeline tbody tr");
        await Assertions.Expect(timeline).ToHaveCountAsync(3); // her email and two payments
        await page.EvaluateAsync("() => { window.focusins = 0; document.addEventListener('focusin', () => window.focusins++); document.activeElement.cxMarked = 'yes'; }");

        // She writes again: her timeline grows on the open prompt.
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(Make(customer, DateTimeOffset.UtcNow, InteractionTypes.Contact, "email/support") with { Channel = Channel.Email }))).StatusCode);
        await Assertions.Expect(timeline).ToHaveCountAsync(4, new() { Timeout = 5_000 });

        // And a new prompt, another customer's, joins the queue: the most common push an agent gets.
        var next = NewCustomer();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedPaymentsAfterAnEmail(next, DateTimeOffset.UtcNow.AddMinutes(-4))))).StatusCode);
        await Assertions.Expect(page.Locator("#queue li button.open", new() { HasTextString = next })).ToHaveCountAsync(1, new() { Timeout = 5_000 });

        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.focusins"));
        Assert.Equal("yes", await page.EvaluateAsync<string?>("() => document.activeElement.cxMarked")); // the same button, not a new one
    }

    [Fact]
    public async Task A_customers_score_curve_is_told_in_words_and_her_tab_is_named_after_her()
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearchesOfHerOwn(customer, at, "boots")))).StatusCode);

        var page = await fixture.NewPageAsync($"/customers/{customer}");

        var curve = page.Locator("#curve");
        await Assertions.Expect(curve).ToHaveAttributeAsync("role", "img", new() { Timeout = 5_000 });
        await Assertions.Expect(curve).ToHaveAttributeAsync("aria-label", new Regex(@"^Score after each of 3 interactions, from \d+ to \d+; lowest \d+ at .+; 3 of them alert evidence \(the red dots\)$"));
        await Assertions.Expect(page).ToHaveTitleAsync($"CxLive — Customer {customer}");
        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(page).ToHaveTitleAsync($"CxLive — 客户 {customer}");

        // A customer seen once: "after each of 1 interactions" was read out.
        var once = NewCustomer();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearch(once, at)))).StatusCode);
        await page.SelectOptionAsync("#lang", "en");
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/customers/{once}").ToString());
        await Assertions.Expect(curve).ToHaveAttributeAsync("aria-label", new Regex(@"^Score after its one interaction: \d+ at [^;]+$"), new() { Timeout = 5_000 }); // it read "alert evidence (a red dot): 0"

        // Her one interaction is what the alert is about: said so, not as a count of one.
        var detractor = NewCustomer();
        var survey = Make(detractor, at, InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(survey))).StatusCode);
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/customers/{detractor}").ToString());
        await Assertions.Expect(curve).ToHaveAttributeAsync("aria-label", new Regex(@"^Score after its one interaction: \d+ at .+; that interaction is alert evidence \(the red dot\)$"), new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task Finding_a_customer_says_how_many_were_found()
    {
        var customer = NewCustomer();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync("api/interactions", Body(FailedSearch(customer, DateTimeOffset.UtcNow.AddMinutes(-1))))).StatusCode);
        var page = await fixture.NewPageAsync("/");

        await page.Locator("#find input").FillAsync(customer);
        await Assertions.Expect(page.Locator("#find [role=status]")).ToHaveTextAsync("1 customer found", new() { Timeout = 5_000 });
        await page.Locator("#find input").FillAsync(customer + "-nobody");
        await Assertions.Expect(page.Locator("#find [role=status]")).ToHaveTextAsync("No customer found whose id contains this.");

        // The list's line follows a language switch, as the page's own words do (it stayed English).
        await page.SelectOptionAsync("#lang", "zh-CN");
        await Assertions.Expect(page.Locator("#found li")).ToHaveTextAsync("没有找到编号包含此内容的客户。");
        await page.SelectOptionAsync("#lang", "en");
    }
}
