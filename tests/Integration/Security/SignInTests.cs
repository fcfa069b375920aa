using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Security;

/// <summary>An install with people configured: a supervisor, an agent (Li Na), an admin.</summary>
public sealed class SecuredAppFixture : IDisposable
{
    public const string Password = "correct horse battery staple";

    public CxLiveApp App { get; } = new(People);

    /// <summary>The settings of this install, for fixtures that need the same people and more.</summary>
    public static Dictionary<string, string?> People => new()
    {
        ["Outreach:Agents:2:Skills:0"] = "store", // call-center prompts all go to li.na
        ["Security:Users:0:Name"] = "zhang.min",
        ["Security:Users:0:PasswordHash"] = PasswordHash.Of(Password),
        ["Security:Users:0:Roles:0"] = "supervisor",
        ["Security:Users:1:Name"] = "li.na",
        ["Security:Users:1:PasswordHash"] = PasswordHash.Of(Password),
        ["Security:Users:1:Roles:0"] = "agent",
        ["Security:Users:1:AgentId"] = "li.na",
        ["Security:Users:2:Name"] = "root",
        ["Security:Users:2:PasswordHash"] = PasswordHash.Of(Password),
        ["Security:Users:2:Roles:0"] = "admin",
    };

    public void Dispose() => App.Dispose();
}

/// <summary>Every role against the REST API and the hub: what each may see and do, and what it is refused.</summary>
public sealed class SignInTests(SecuredAppFixture fixture) : IClassFixture<SecuredAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A browser-like client: a cookie jar, and redirects left for the test to see.</summary>
    private sealed record Session(HttpClient Http, CookieContainer Cookies) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }

    private Session Anonymous()
    {
        var cookies = new CookieContainer();
        return new Session(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress }, cookies);
    }

    private async Task<Session> SignInAsync(string user, string password = SecuredAppFixture.Password)
    {
        var session = Anonymous();
        var response = await session.Http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Where a page sends someone it found signed out: here the form (the identity provider's install: <c>IdentityProviderSignInTests</c>), and only back to this site.</summary>
    [Theory]
    [InlineData("/agent?agentId=li.na", "/login?ReturnUrl=%2Fagent%3FagentId%3Dli.na")]
    [InlineData("//evil.example/", "/login?ReturnUrl=%2F")]
    [InlineData(null, "/login?ReturnUrl=%2F")]
    public async Task Signin_sends_the_browser_to_the_sign_in_form_and_back_to_the_page_it_came_from(string? returnUrl, string location)
    {
        using var session = Anonymous();
        var response = await session.Http.GetAsync(returnUrl is null ? "signin" : $"signin?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(fixture.App.BaseAddress, location), response.Headers.Location); // on this site, as every page's redirect to sign in is written
    }

    private async Task<HubConnection> HubAsync(Session session)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.App.BaseAddress, "hubs/cx"), o => o.Cookies = session.Cookies)
            .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    [Fact]
    public async Task Without_signing_in_APIs_answer_401_pages_send_you_to_sign_in_and_probes_still_answer()
    {
        using var anonymous = Anonymous();

        var api = await anonymous.Http.GetAsync("api/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var page = await anonymous.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("health/ready")).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => HubAsync(anonymous)); // the hub refuses the connection itself

        var wrong = await anonymous.Http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "li.na", ["password"] = "guess" }));
        Assert.StartsWith("/login?error=1", wrong.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sees_the_wall_and_every_alert_and_mutes_but_may_not_change_rules()
    {
        using var supervisor = await SignInAsync("zhang.min");

        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("api/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("api/outreach?agentId=li.na")).StatusCode);
        var refusedRule = await supervisor.Http.PutAsync("api/rules/long-wait", Body("""{ "enabled": true }"""));
        Assert.Equal(HttpStatusCode.Forbidden, refusedRule.StatusCode);
        Assert.Equal("your role does not allow this: it needs admin", (string?)(await ReadObject(refusedRule))["detail"]); // whom to ask
        var orleans = await supervisor.Http.GetAsync("orleans");
        Assert.Equal(HttpStatusCode.Forbidden, orleans.StatusCode); // Orleans' dashboard is for admins
        Assert.Contains("data-i18n=\"forbidden.text\"", await orleans.Content.ReadAsStringAsync()); // the page that says so in her language (RefusedPageBrowserTests)
        // The wall offers Mute to supervisors: a signed-in one got 403 on every mute and on the Muted panel.
        var mute = await supervisor.Http.PostAsync("api/silences", Body($$"""{ "ruleId": "long-wait", "touchpoint": "call-center/test-line", "comment": "test calls", "expiresAt": "{{DateTimeOffset.UtcNow.AddHours(1):O}}" }"""));
        Assert.Equal(HttpStatusCode.Created, mute.StatusCode);
        var muted = await ReadObject(mute);
        Assert.Equal("zhang.min", (string)muted["author"]!);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("api/silences")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.Http.DeleteAsync($"api/silences/{(string)muted["id"]!}")).StatusCode);
        // A mute for months is turning a rule off, which is an admin's.
        var forMonths = await supervisor.Http.PostAsync("api/silences", Body($$"""{ "ruleId": "long-wait", "comment": "never again", "expiresAt": "{{DateTimeOffset.UtcNow.AddDays(90):O}}" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, forMonths.StatusCode);
        Assert.StartsWith("a supervisor's mute lasts at most 7 days", (string)(await ReadObject(forMonths))["errors"]!["expiresAt"]![0]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.GetAsync("api/webhooks/deliveries")).StatusCode); // receivers' URLs and errors are for admins

        var me = await ReadObject(await supervisor.Http.GetAsync("api/me"));
        Assert.Equal(("zhang.min", "supervisor", false), ((string)me["name"]!, (string)me["roles"]![0]!, (bool)me["open"]!));

        await using var hub = await HubAsync(supervisor);
        await hub.InvokeAsync<object>("SubscribeWall", null);
        await hub.InvokeAsync<object>("SubscribeAgent", "wang.wei", null);
    }

    [Fact]
    public async Task An_agent_sees_their_own_prompts_and_those_customers_only_over_REST_and_the_hub()
    {
        using var agent = await SignInAsync("li.na");
        using var anonymous = Anonymous();
        var (theirs, someoneElse) = (NewCustomer(), NewCustomer());
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        await anonymous.Http.PostAsync("api/interactions", Body(
            Make(theirs, now, InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" }),
            Make(someoneElse, now, InteractionTypes.PageView, "web/home")));

        var prompts = await Eventually.ResultAsync(
            async () => await ReadArray(await agent.Http.GetAsync("api/outreach?agentId=li.na")),
            list => list.Any(p => (string)p!["customerId"]! == theirs), Patience, "li.na's prompt");
        Assert.NotEmpty(prompts);

        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync($"api/customers/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync("agent")).StatusCode);
        var refused = await agent.Http.GetAsync($"api/customers/{someoneElse}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("an agent may see only the customers of their own outreach prompts", (string)(await ReadObject(refused))["detail"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("api/outreach?agentId=wang.wei")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("api/alerts")).StatusCode);
        var home = await agent.Http.GetAsync("/"); // an agent who opens the address lands on their console
        Assert.True(home.StatusCode == HttpStatusCode.Redirect ? home.Headers.Location?.OriginalString == "/agent" : home.RequestMessage!.RequestUri!.AbsolutePath == "/agent", $"{home.StatusCode} {home.Headers.Location}");
        Assert.Equal("li.na", (string)(await ReadObject(await agent.Http.GetAsync("api/me")))["agentId"]!);

        await using var hub = await HubAsync(agent);
        await hub.InvokeAsync<object>("SubscribeAgent", "li.na", null);
        await hub.InvokeAsync<object>("SubscribeCustomer", theirs, null);
        var wall = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeWall", null));
        Assert.Contains("HubException: Forbidden: the wall is for supervisors", wall.Message); // what docs/api.md tells a client to look for
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeAgent", "wang.wei", null));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeCustomer", someoneElse, null));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeTouchpoint", "web/home"));
    }

    [Fact]
    public async Task An_agent_whose_customer_is_reassigned_stops_hearing_of_her_on_the_open_connection()
    {
        using var agent = await SignInAsync("li.na");
        using var supervisor = await SignInAsync("zhang.min");
        var customer = NewCustomer();
        await supervisor.Http.PostAsync("api/interactions", Body(Make(customer, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" })));
        var prompt = await Eventually.ResultAsync(
            async () => (await ReadArray(await agent.Http.GetAsync("api/outreach?agentId=li.na"))).FirstOrDefault(p => (string)p!["customerId"]! == customer),
            p => p is not null, Patience, "li.na's prompt");

        await using var agentHub = await HubAsync(agent);
        await using var supervisorHub = await HubAsync(supervisor);
        var heardByAgent = new List<string>();
        var heardBySupervisor = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var promptLeft = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agentHub.On<System.Text.Json.Nodes.JsonObject>("customerUpdated", snapshot =>
        {
            lock (heardByAgent)
            {
                heardByAgent.Add(snapshot.ToJsonString());
            }
        });
        agentHub.On<System.Text.Json.Nodes.JsonObject>("outreachPrompt", p =>
        {
            if ((string?)p["customerId"] == customer && (string?)p["agentId"] == "wang.wei")
            {
                promptLeft.TrySetResult();
            }
        });
        supervisorHub.On<System.Text.Json.Nodes.JsonObject>("customerUpdated", snapshot =>
        {
            if (snapshot.ToJsonString().Contains("SECRET-AFTER-REASSIGN", StringComparison.Ordinal))
            {
                heardBySupervisor.TrySetResult();
            }
        });
        await agentHub.InvokeAsync<object>("SubscribeAgent", "li.na", null);
        await agentHub.InvokeAsync<object>("SubscribeCustomer", customer, null);
        await supervisorHub.InvokeAsync<object>("SubscribeCustomer", customer, null);

        // A supervisor gives her to Wang Wei; li.na hears the prompt leave, then nothing more of her.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PostAsync($"api/alerts/{(string)prompt!["alertId"]!}/assign", Body("{ \"agentId\": \"wang.wei\" }"))).StatusCode);
        await promptLeft.Task.WaitAsync(Patience);
        await supervisor.Http.PostAsync("api/interactions", Body(Make(customer, DateTimeOffset.UtcNow, InteractionTypes.Complaint, "call-center/support", Outcome.Failure, attributes: new() { ["text"] = "SECRET-AFTER-REASSIGN" })));
        await heardBySupervisor.Task.WaitAsync(Patience);
        await agentHub.InvokeAsync<object>("SubscribeAgent", "li.na", null); // a round trip: whatever was sent to her before has arrived

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync($"api/customers/{customer}")).StatusCode);
        lock (heardByAgent)
        {
            Assert.DoesNotContain(heardByAgent, s => s.Contains("SECRET-AFTER-REASSIGN", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_page_of_another_origin_on_the_same_host_may_neither_open_the_hub_nor_sign_in_or_out_with_the_browsers_cookie()
    {
        using var supervisor = await SignInAsync("zhang.min");
        var own = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var elsewhere = $"http://{fixture.App.BaseAddress.Host}:{fixture.App.BaseAddress.Port + 1}"; // another port is the same site: SameSite lets the cookie go
        async Task<HttpResponseMessage> FromAsync(string origin, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add("Origin", origin);
            return await supervisor.Http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await FromAsync(own, "hubs/cx/negotiate?negotiateVersion=1")).StatusCode);
        var refused = await FromAsync(elsewhere, "hubs/cx/negotiate?negotiateVersion=1");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"a request from '{elsewhere}' is refused", (string)(await ReadObject(refused))["detail"]!);
        using (var proxied = new HttpRequestMessage(HttpMethod.Post, "hubs/cx/negotiate?negotiateVersion=1"))
        {
            // Behind a proxy the page's own address may arrive as X-Forwarded-Host (no page can set it on a WebSocket or a form).
            proxied.Headers.Add("Origin", "https://cx.example.com");
            proxied.Headers.Add("X-Forwarded-Host", "cx.example.com");
            Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.SendAsync(proxied)).StatusCode);
        }

        // A sign-in form posted from there would have swapped her session for an agent's; a body-less
        // action needs no CORS preflight either. A page that sends no referrer says "Origin: null".
        FormUrlEncodedContent SignIn() => new(new Dictionary<string, string> { ["username"] = "li.na", ["password"] = SecuredAppFixture.Password });
        Assert.Equal(HttpStatusCode.Forbidden, (await FromAsync(elsewhere, "login", SignIn())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await FromAsync(elsewhere, "login/", SignIn())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await FromAsync("null", "login", SignIn())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await FromAsync(elsewhere, "logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await FromAsync(elsewhere, "api/alerts/some-alert/ack")).StatusCode);
        Assert.Equal("zhang.min", (string)(await ReadObject(await supervisor.Http.GetAsync("api/me")))["name"]!);

        // Browsers also say it themselves (Sec-Fetch-Site, which no page can set), and that is taken
        // first: it holds behind a proxy that rewrites Host, and it tells another scheme apart.
        async Task<HttpStatusCode> NegotiateAsync(string site, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "hubs/cx/negotiate?negotiateVersion=1");
            request.Headers.Add("Sec-Fetch-Site", site);
            request.Headers.Add("Origin", origin);
            return (await supervisor.Http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("same-site", own.Replace("http:", "https:", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("same-origin", "https://cx.example.com"));
    }

    [Fact]
    public async Task A_sign_in_sent_as_JSON_is_told_to_send_the_form_not_answered_500()
    {
        using var anonymous = Anonymous();

        var response = await anonymous.Http.PostAsync("login", Body(Json(new { username = "zhang.min", password = SecuredAppFixture.Password })));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/x-www-form-urlencoded", (string?)(await ReadObject(response))["detail"]);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/agent", "/agent")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")] // a browser drops the tab and reads //evil.example
    [InlineData("/x\r\nSet-Cookie: cxlive=forged", "/")] // answered 500, with a stack trace in the log
    [InlineData("https://evil.example/", "/")]
    [InlineData("/customers/张伟", "/customers/%E5%BC%A0%E4%BC%9F")] // a Location header is ASCII: it answered 500
    public async Task After_signing_in_the_browser_goes_back_only_to_a_page_of_this_site(string returnUrl, string location)
    {
        using var anonymous = Anonymous();

        var response = await anonymous.Http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "zhang.min",
            ["password"] = SecuredAppFixture.Password,
            ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_admin_changes_rules_and_silences()
    {
        using var admin = await SignInAsync("root");
        var orleans = await admin.Http.GetAsync("orleans/");
        Assert.Equal(HttpStatusCode.OK, orleans.StatusCode);
        Assert.Contains("Orleans", await orleans.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsync("api/rules/long-wait", Body("""{ "enabled": true }"""))).StatusCode);
        var silence = await admin.Http.PostAsync("api/silences", Body($$"""{ "ruleId": "long-wait", "author": "someone else", "comment": "maintenance", "expiresAt": "{{DateTimeOffset.UtcNow.AddMinutes(5):O}}" }"""));
        Assert.Equal(HttpStatusCode.Created, silence.StatusCode);
        var created = await ReadObject(silence);
        Assert.Equal("root", (string)created["author"]!); // who signed in, not who the body names
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"api/silences/{(string)created["id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("api/webhooks/deliveries")).StatusCode);
    }
}
