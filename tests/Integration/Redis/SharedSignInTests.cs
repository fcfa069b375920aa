using System.Net;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>Behind a load balancer a person's requests reach any silo: a sign-in on one holds on all of them, and through restarts.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SharedSignInTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_cookie_from_one_silo_is_accepted_by_another_by_a_web_front_and_after_a_restart()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string> Settings()
        {
            var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
            settings.Remove("Security:Open");
            settings["Security:Users:0:Name"] = "zhang.min";
            settings["Security:Users:0:PasswordHash"] = PasswordHash.Of("s3cret-pass");
            settings["Security:Users:0:Roles:0"] = "supervisor";
            return settings;
        }

        await using var first = await SiloProcess.StartAsync(Settings());
        var secondSettings = Settings();
        await using var second = await SiloProcess.StartAsync(secondSettings);

        // A browser's view: cookies sent by hand, redirects not followed.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var signIn = await browser.PostAsync(new Uri(first.BaseAddress, "login"), new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = "s3cret-pass" }));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cxlive=", StringComparison.Ordinal)).Split(';')[0];

        async Task<HttpStatusCode> AlertsAsync(SiloProcess silo)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress, "api/alerts?limit=1"));
            request.Headers.Add("Cookie", cookie);
            return (await browser.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(first));
        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(second));

        // A web front of the same cluster (an Orleans client, no silo in it) takes the same cookie.
        await using var front = await SiloProcess.StartAsync(SiloProcess.FrontSettingsFor(Settings()), SiloProcess.Front);
        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(front));

        second.Kill();
        await using var restarted = await SiloProcess.StartAsync(secondSettings);
        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(restarted));
    }
}
