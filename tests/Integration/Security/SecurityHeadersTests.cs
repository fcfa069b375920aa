using System.Net;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Security;

/// <summary>Every response tells the browser to run only CxLive's own scripts, never inline ones, and never to be framed.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/?mode=wall")]
    [InlineData("/agent")]
    [InlineData("/customers/someone")]
    [InlineData("/login")]
    [InlineData("/wall.js")]
    [InlineData("/styles.css")]
    [InlineData("/lib/signalr.min.js")]
    [InlineData("/api/alerts")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/health/ready")]
    public async Task Every_page_script_and_api_answer_carries_the_security_headers(string path)
    {
        using var response = await _http.GetAsync(path.TrimStart('/'));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]); // no 'unsafe-inline', no 'unsafe-eval'
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self'", policy["connect-src"]); // the hub's WebSocket is same-origin
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'script'", policy["require-trusted-types-for"]);
        Assert.Equal("'none'", policy["trusted-types"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task The_orleans_dashboard_gets_its_own_policy_still_without_inline_script_or_framing()
    {
        using var response = await _http.GetAsync("orleans/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri!.PathAndQuery} answered {(int)response.StatusCode} without {name}");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
