using System.Net;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Security;

/// <summary>
/// People are removed, given a new password or new roles by saving the settings file. A security
/// trial kept a removed agent's prompts and a demoted admin's rule changes with the cookies they had
/// (10 h, sliding), and an open hub connection kept pushing.
/// </summary>
public sealed class UserSettingsReloadTests
{
    [Fact]
    public async Task A_save_that_drops_a_person_or_changes_their_password_or_roles_holds_their_open_sessions_to_it_at_once()
    {
        using var app = new CxLiveApp(SecuredAppFixture.People);
        var settings = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        void Save(string key, string value)
        {
            settings[key] = value;
            settings.Reload();
        }

        async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(string user)
        {
            var cookies = new CookieContainer();
            var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
            var response = await http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = SecuredAppFixture.Password }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return (http, cookies);
        }

        var (agent, agentCookies) = await SignInAsync("li.na");
        var (admin, adminCookies) = await SignInAsync("root");
        var (supervisor, _) = await SignInAsync("zhang.min");
        using var _1 = agent;
        using var _2 = admin;
        using var _3 = supervisor;
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("api/outreach?agentId=li.na")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/webhooks/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("api/alerts?limit=1")).StatusCode);

        await using var hub = await HubAsync(app, agentCookies);
        var closed = ClosedOf(hub);
        await hub.InvokeAsync<object>("SubscribeAgent", "li.na", null);

        // Li Na's password is reset (it leaked): her session, and her live connection, end now.
        Save("Security:Users:1:PasswordHash", PasswordHash.Of("a new password for li.na"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("api/outreach?agentId=li.na")).StatusCode);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("api/alerts?limit=1")).StatusCode); // nobody else is signed out

        // The admin becomes a supervisor: still signed in, as a supervisor, and their page reconnects as one.
        var adminHub = await HubAsync(app, adminCookies);
        var adminClosed = ClosedOf(adminHub);
        Save("Security:Users:2:Roles:0", "supervisor");
        await adminClosed.WaitAsync(TimeSpan.FromSeconds(10));
        await adminHub.DisposeAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("api/webhooks/deliveries")).StatusCode);
        Assert.Equal(["supervisor"], (await ReadObject(await admin.GetAsync("api/me")))["roles"]!.AsArray().Select(r => (string)r!));

        // The supervisor leaves the company: the entry now names someone else.
        Save("Security:Users:0:Name", "zhou.jie");
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("api/alerts?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/alerts?limit=1")).StatusCode);
    }

    private static async Task<HubConnection> HubAsync(CxLiveApp app, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/cx"), o => o.Cookies = cookies)
            .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    /// <summary>Done when the server closes the connection (the client does not reconnect by itself).</summary>
    private static Task ClosedOf(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
