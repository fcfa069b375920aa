using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Security;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Browser;

/// <summary>Signing in as a new user would, in a real browser, against an install with people configured.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser, SecuredAppFixture secured) : BrowserTest, IClassFixture<SecuredAppFixture>
{
    protected override BrowserFixture Pages => browser;

    /// <summary>A new customer who scores NPS 1: an alert on the wall, and a call-center prompt, which goes to Li Na.</summary>
    private async Task<string> DetractorAsync()
    {
        var customer = NewCustomer();
        using var http = secured.App.CreateHttpClient();
        await http.PostAsync("api/interactions", Body(Make(customer, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" })));
        return customer;
    }

    /// <summary>A browser of one person's own (its own cookies), its pages in <paramref name="language"/>.</summary>
    private async Task<IBrowserContext> BrowserAsync(string language = "en-US")
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = language });
        if (language == "zh-CN")
        {
            await context.AddInitScriptAsync("localStorage.setItem('cxlive.lang', 'zh-CN')");
        }

        return context;
    }

    /// <summary>Li Na signed in, her console live: the page, in a browser of her own.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> LiNasConsoleAsync()
    {
        var context = await BrowserAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/login?returnUrl=%2Fagent").ToString());
        await SignInAsync(page, "li.na");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        return (context, page);
    }

    /// <summary>Zhang Min, a supervisor, signed in on the wall in a browser of her own, <paramref name="customer"/>'s card in view.</summary>
    private async Task<(IBrowserContext Context, IPage Page, ILocator Card)> ZhangMinsWallAsync(string customer, string language = "en-US")
    {
        var context = await BrowserAsync(language);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/login").ToString());
        await SignInAsync(page, "zhang.min");
        var card = page.Locator($".alert[data-customer='{customer}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return (context, page, card);
    }

    /// <summary>Settings saved as an admin saves them (the app reloads them); the old values are put back when disposed.</summary>
    private SavedSettings Save(params (string Key, string? Value)[] changes) => new((IConfigurationRoot)secured.App.Services.GetRequiredService<IConfiguration>(), changes);

    private sealed class SavedSettings : IDisposable
    {
        private readonly IConfigurationRoot _settings;
        private readonly (string Key, string? Value)[] _before;

        public SavedSettings(IConfigurationRoot settings, (string Key, string? Value)[] changes)
        {
            _settings = settings;
            _before = [.. changes.Select(change => (change.Key, settings[change.Key]))];
            Apply(changes);
        }

        public void Dispose() => Apply(_before);

        private void Apply((string Key, string? Value)[] values)
        {
            foreach (var (key, value) in values)
            {
                _settings[key] = value;
            }

            _settings.Reload();
        }
    }

    /// <summary>Types a user name and password into the sign-in page and sends them, as a person does.</summary>
    internal static async Task SignInAsync(IPage page, string user, string password = SecuredAppFixture.Password)
    {
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task An_agent_signs_in_lands_on_their_own_queue_is_sent_there_from_the_wall_and_is_told_which_customers_they_may_not_see()
    {
        // A prompt for Li Na to find.
        var customer = await DetractorAsync();

        var context = await BrowserAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/agent").ToString());

        // Sent to sign in first; a wrong password says so.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await SignInAsync(page, "li.na", "not it");
        await Assertions.Expect(page.Locator("#error")).ToBeVisibleAsync();
        // Told to a screen reader too: the field the focus is on says it was wrong, and why.
        await Assertions.Expect(page.Locator("#username")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#username")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#username")).ToHaveAccessibleDescriptionAsync("That user name and password do not match.");

        await SignInAsync(page, "li.na");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent"));
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator(".who .user")).ToHaveTextAsync("li.na");
        await Assertions.Expect(page.Locator("#agent")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#agent")).ToHaveValueAsync("li.na");
        await Assertions.Expect(page.Locator($"#queue li", new() { HasText = customer })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".nav a[href='/']")).ToHaveCountAsync(0); // the wall's link only sent an agent back here

        // The address of the wall takes an agent to their console, not to a bare refusal.
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/").ToString());
        // The console then writes the agent it shows into its address (agent.js), so both spellings are the console.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/agent(\?agentId=li\.na)?$"));
        await Assertions.Expect(page.Locator("#agent")).ToHaveValueAsync("li.na");
        // So does insights' (a bookmark, a link a supervisor shared): it answered "Your role does not allow this page".
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/insights?from=2026-11-16").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/agent(\?agentId=li\.na)?$"));

        // A customer of someone else's prompt: the page says so, instead of "Connecting…" for ever.
        var negotiations = 0;
        page.Request += (_, request) => negotiations += request.Url.Contains("/hubs/cx/negotiate", StringComparison.Ordinal) ? 1 : 0;
        await page.Clock.InstallAsync(); // time runs as usual until the test moves it
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/customers/" + NewCustomer()).ToString());
        await Assertions.Expect(page.Locator("#denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#denied")).ToContainTextAsync("You may not see this customer");
        await Assertions.Expect(page.Locator("#connection")).ToBeHiddenAsync(); // not "Disconnected — retrying": nothing is wrong, nothing is followed
        // And it stays stopped: the review saw a refused page connect again twice a second, for good.
        var refusedAfter = negotiations;
        await page.Clock.RunForAsync(20_000);
        await page.EvaluateAsync("() => fetch('/api/me')"); // a round trip after the timers that ran
        Assert.Equal(refusedAfter, negotiations);

        // Signing out ends it: the console sends the browser to sign in again.
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/agent").ToString());
        await page.ClickAsync(".who button");
        // A form post and its redirect on this test's own app, beside the run's others: once, in a full
        // run, the console was still showing after the default 5 s.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"), new() { Timeout = 15_000 });
        await context.CloseAsync();
    }

    /// <summary>
    /// A supervisor made an agent while her wall is open. Her click was refused with the API's English
    /// reason on a Chinese page, and once her connection came back the wall read "Disconnected —
    /// retrying" for good over cards that no longer changed.
    /// </summary>
    [Fact]
    public async Task A_supervisor_whose_role_is_taken_while_her_wall_is_open_is_told_in_her_language_and_the_wall_stops()
    {
        var (context, page, card) = await ZhangMinsWallAsync(await DetractorAsync(), "zh-CN");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");

        // Her network drops just as the change is saved: the page cannot connect again for now.
        await page.RouteAsync("**/hubs/cx/negotiate**", route => route.AbortAsync());
        using (Save(("Security:Users:0:Roles:0", "agent"), ("Security:Users:0:AgentId", "wang.wei"))) // Wang Wei's console is hers now
        {
            await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "disconnected"); // the server closed her connection
            await card.Locator("button[data-action=ack]").ClickAsync();
            await Assertions.Expect(card.Locator(".problem")).ToHaveTextAsync("您的账号无权执行此操作：如有需要，请联系管理员。");
            await page.SelectOptionAsync("#lang", "en");
            await Assertions.Expect(card.Locator(".problem")).ToHaveTextAsync("Your sign-in does not allow this: ask an admin if you need it.");
            await page.SelectOptionAsync("#lang", "zh-CN");

            // Back online: the hub refuses her the wall, and the page says so instead of retrying.
            await page.UnrouteAllAsync();
            await Assertions.Expect(page.Locator("#denied")).ToHaveTextAsync("您的账号已不能打开告警墙：告警墙供主管和管理员使用。您的任务在坐席工作台。", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#alerts")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#connection")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".nav a[href='/agent']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".nav a[href='/insights']")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "wall-role-taken-zh.png") });
        }

        await context.CloseAsync();
    }

    /// <summary>
    /// Her password is reset while she types a resolve note on the wall: the page goes to sign in,
    /// and the half-typed note was gone. Back on the wall, the card's form is open with it as it was.
    /// </summary>
    [Fact]
    public async Task A_supervisor_signed_out_while_typing_a_resolve_note_finds_it_on_the_card_after_signing_in_again()
    {
        var (context, page, card) = await ZhangMinsWallAsync(await DetractorAsync());
        await card.Locator("button[data-action=resolve]").ClickAsync();
        var form = card.Locator(".resolve");
        await form.Locator("select[name=outcome]").SelectOptionAsync("recovered");
        await form.Locator("input[name=note]").PressSequentiallyAsync("called her back, the refund is on its way");

        const string newPassword = "a new password for zhang.min";
        using (Save(("Security:Users:0:PasswordHash", PasswordHash.Of(newPassword))))
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\?ReturnUrl=%2F"), new() { Timeout = 15_000 });
            await SignInAsync(page, "zhang.min", newPassword);
            await Assertions.Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(form.Locator("input[name=note]")).ToHaveValueAsync("called her back, the refund is on its way");
            await Assertions.Expect(form.Locator("select[name=outcome]")).ToHaveValueAsync("recovered");

            // Sent, it is kept no longer: the next visit opens no form.
            await form.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(card.Locator(".state")).ToContainTextAsync("resolved", new() { Timeout = 10_000 });
            Assert.Null(await page.EvaluateAsync<string?>("() => Object.keys(sessionStorage).find(k => k.startsWith('cxlive.resolveDraft.')) ?? null"));
        }

        await context.CloseAsync();
    }

    /// <summary>
    /// Her password is reset after a leak while her console is open: the server signs her out and
    /// closes its connection. The page read "Reconnecting…" for good, every try refused with a 401.
    /// </summary>
    [Fact]
    public async Task An_agent_signed_out_by_a_new_password_while_her_console_is_open_is_sent_to_sign_in_and_back()
    {
        var (context, page) = await LiNasConsoleAsync();

        const string newPassword = "a new password for li.na";
        using (Save(("Security:Users:1:PasswordHash", PasswordHash.Of(newPassword))))
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\?ReturnUrl=%2Fagent"), new() { Timeout = 15_000 }); // through /signin
            await SignInAsync(page, "li.na", newPassword);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent"));
            await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        }

        await context.CloseAsync();
    }

    /// <summary>
    /// An admin gives Li Na another agent id (she takes over Wang Wei's queue) while her console is
    /// open: the server closes her connection, and her old queue, refused on the way back, left the
    /// console "Disconnected — retrying" for good.
    /// </summary>
    [Fact]
    public async Task An_agent_given_another_agent_id_while_her_console_is_open_comes_back_on_her_new_queue()
    {
        var (context, page) = await LiNasConsoleAsync();
        await Assertions.Expect(page.Locator("#agent")).ToHaveValueAsync("li.na");

        using (Save(("Security:Users:1:AgentId", "wang.wei")))
        {
            await Assertions.Expect(page.Locator("#agent")).ToHaveValueAsync("wang.wei", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/agent\?agentId=wang\.wei$"));
        }

        await context.CloseAsync();
    }

    /// <summary>
    /// The same, where the web server that answers her page has not read the new settings yet (its
    /// <c>/api/me</c> still gives the old id, here a route of the test's): her console must not
    /// reload for ever, nor show an empty queue as live.
    /// </summary>
    [Fact]
    public async Task An_agent_whose_queue_is_refused_again_after_starting_over_is_told_so_once_and_the_console_stops()
    {
        var (context, page) = await LiNasConsoleAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;
        await page.RouteAsync("**/api/me", async route =>
        {
            var me = await route.FetchAsync();
            var stale = System.Text.Json.Nodes.JsonNode.Parse(await me.TextAsync())!;
            stale["agentId"] = "li.na";
            await route.FulfillAsync(new() { Response = me, Body = stale.ToJsonString() });
        });

        using (Save(("Security:Users:1:AgentId", "wang.wei")))
        {
            await Assertions.Expect(page.Locator("#denied")).ToHaveTextAsync("Your sign-in does not open this queue: ask an admin to check the agent id you were given.", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#queue")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#connection")).ToBeHiddenAsync(); // not "Live" over an empty queue
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "agent-queue-refused.png") });
            await page.EvaluateAsync("() => fetch('/api/agents')"); // a round trip after the page's last move
            Assert.Equal(1, loads); // started over once, then stopped

            // Once that server has the new settings, a reload is her new queue.
            await page.UnrouteAllAsync();
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#agent")).ToHaveValueAsync("wang.wei");
            await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        }

        await context.CloseAsync();
    }

    /// <summary>
    /// A supervisor moves the prompt Li Na has open to Wang Wei: her console may no longer read the
    /// customer, and shows the prompt's own timeline. Its rows read "survey · survey/nps", English
    /// words on a Chinese console (an audit of the pages' languages).
    /// </summary>
    [Fact]
    public async Task A_prompt_moved_away_while_open_keeps_its_timeline_in_the_consoles_language_and_the_console_comes_back_after_a_drop()
    {
        var customer = await DetractorAsync();

        var context = await BrowserAsync("zh-CN");
        var page = await context.NewPageAsync();
        var hub = await RoutedHub.OnAsync(page);
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/login?returnUrl=%2Fagent").ToString());
        await SignInAsync(page, "li.na");
        var row = page.Locator("#queue li", new() { HasText = customer });
        await row.Locator("button.open").ClickAsync(new() { Timeout = 15_000 });
        var survey = page.Locator("#prompt table.timeline tbody tr .sentence").First;
        await Assertions.Expect(survey).Not.ToBeEmptyAsync();
        var told = await survey.TextContentAsync(); // the server's sentence, in Chinese

        var cookies = new System.Net.CookieContainer();
        using var supervisor = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = secured.App.BaseAddress };
        await supervisor.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = SecuredAppFixture.Password }));
        var promptId = await row.GetAttributeAsync("data-prompt-id");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await supervisor.PostAsync($"api/alerts/{promptId![2..]}/assign", Body(Json(new { by = "supervisor:zhang.min", agentId = "wang.wei" })))).StatusCode);

        await Assertions.Expect(page.Locator("#recorded")).ToHaveTextAsync("主管已将其转给 Wang Wei：现由对方记录结果。");
        await Assertions.Expect(survey).ToHaveTextAsync("在 survey/nps 的一次交互"); // where, in her language, without the sentence she may no longer read
        Assert.NotEqual("在 survey/nps 的一次交互", told);
        await page.SelectOptionAsync("#lang", "en");
        await Assertions.Expect(survey).ToHaveTextAsync("survey · survey/nps");

        // Her connection drops (a web server restarting): back, her console is live again. It stayed
        // "Disconnected — retrying" for good: the customer it watched was refused, and nothing after that ran.
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await hub.DropAndBackAsync(RoutedHub.Close, "disconnected"); // SignalR's close, without leave to reconnect: the page starts a new connection

        // And when the client reconnects by itself (a close with leave to reconnect): it read "Reconnecting…" for good.
        await hub.DropAndBackAsync(RoutedHub.CloseAndReconnect, "reconnecting");
        await context.CloseAsync();
    }

    /// <summary>Where <c>POST /login</c> sends a browser's form once its address has failed too often (<c>SignInLimitTests</c>): it showed the 429's JSON.</summary>
    [Fact]
    public async Task A_sign_in_page_sent_back_for_too_many_failures_says_how_long_to_wait_in_its_language()
    {
        var context = await BrowserAsync("zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(secured.App.BaseAddress, "/login?error=throttled&retry=37&returnUrl=%2Fagent").ToString());

        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("此网络登录失败次数过多：请 37 秒后重试。");
        await Assertions.Expect(page.Locator("#username")).Not.ToHaveAttributeAsync("aria-invalid", "true"); // nothing she typed was wrong
        await page.SelectOptionAsync("#lang", "en");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Too many failed sign-ins from this network: try again in 37 s.");
        await Assertions.Expect(page.Locator("#returnUrl")).ToHaveValueAsync("/agent");
        await context.CloseAsync();
    }
}
