using System.Net;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Security;

/// <summary>
/// An install whose people sign in only through the company's identity provider (OpenID Connect,
/// no <c>Security:Users</c>). The provider here is an address nothing answers on: only what CxLive
/// says before it would send anyone there is tested.
/// </summary>
public sealed class IdentityProviderSignInTests : IDisposable
{
    private readonly CxLiveApp _app = new(new Dictionary<string, string?>
    {
        ["Security:Oidc:Authority"] = $"https://127.0.0.1:{FreePorts.Next()}/realms/contact-centre",
        ["Security:Oidc:ClientId"] = "cxlive",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Without_a_session_an_API_call_and_the_hub_are_answered_401_not_sent_to_the_providers_login_page()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };

        // A script reading alerts, or the .NET client, is told to authenticate: a 302 to a login page
        // it cannot follow (here, one that does not answer) said nothing it could act on.
        foreach (var call in new[] { "api/alerts", "api/me", "api/customers/c-1" })
        {
            var answer = await anonymous.GetAsync(call);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("hubs/cx/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/ready")).StatusCode); // probes stay open

        // A page that found its person signed out goes through /signin: to the provider (here one that
        // does not answer, so CxLive fails to read where it signs in), never to a form of local people this install has none of.
        var signin = await anonymous.GetAsync("signin?returnUrl=%2Fagent");
        Assert.NotEqual(HttpStatusCode.NotFound, signin.StatusCode);
        Assert.DoesNotContain("/login", signin.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
