using System.Net;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.Hosting.Internal;

namespace CxLive.Tests.Integration.Security;

/// <summary>The OpenAPI document and the reference page for admins only, as outside Development by default.</summary>
public sealed class ApiReferenceAccessTests(ApiReferenceAccessTests.AdminsOnly fixture) : IClassFixture<ApiReferenceAccessTests.AdminsOnly>
{
    public sealed class AdminsOnly : IDisposable
    {
        public CxLiveApp App { get; } = new(new Dictionary<string, string?>(SecuredAppFixture.People) { [$"{ApiReferenceOptions.Section}:Access"] = ApiReferenceOptions.Admins });

        public void Dispose() => App.Dispose();
    }

    private async Task<HttpClient> SignedInAsync(string? user)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };
        if (user is not null)
        {
            var login = await http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = SecuredAppFixture.Password }));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        return http;
    }

    [Theory]
    [InlineData("openapi/v1.json", HttpStatusCode.Unauthorized)] // a program (a code generator): a 401 problem, not the sign-in page's HTML
    [InlineData("scalar/", HttpStatusCode.Redirect)] // a person: to the sign-in page. Its script, scalar/scalar.js, is the package's own public code and is served to anyone
    public async Task Only_admins_open_them(string path, HttpStatusCode anonymously)
    {
        using var anonymous = await SignedInAsync(null);
        using var supervisor = await SignedInAsync("zhang.min");
        using var admin = await SignedInAsync("root");

        var refused = await anonymous.GetAsync(path);
        Assert.Equal(anonymously, refused.StatusCode);
        if (anonymously == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        var notHers = await supervisor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, notHers.StatusCode);
        // A program is refused as one (never the refused page's HTML, which a code generator fails on); a person reads that page.
        Assert.Equal(path.StartsWith("openapi/", StringComparison.Ordinal) ? "application/problem+json" : "text/html", notHers.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("Development", null, "open")]
    [InlineData("Production", null, "admins")]
    [InlineData("Production", "Open", "open")]
    [InlineData("Development", "off", "off")]
    public void By_default_open_in_development_admins_elsewhere_as_configured(string environment, string? configured, string access)
    {
        var options = new ApiReferenceOptions { Access = configured };

        Assert.Equal(access, options.EffectiveAccess(new HostingEnvironment { EnvironmentName = environment }));
    }
}
