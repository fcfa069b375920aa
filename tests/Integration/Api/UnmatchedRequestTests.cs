using System.Net;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>
/// Requests no endpoint answers: under /api they get problem details that say what is wrong, as
/// every other error does (routing's own answers carried only a title); pages keep a plain 404.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UnmatchedRequestTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_path_with_no_endpoint_says_so_and_where_the_reference_is()
    {
        var response = await _http.GetAsync("api/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string)(await ReadObject(response))["detail"]!;
        Assert.StartsWith("no endpoint at /api/nope:", detail);
        Assert.Contains("docs/api.md", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("nope")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/interactions", "POST")]
    [InlineData("DELETE", "api/alerts", "GET")]
    [InlineData("POST", "api/silences/s-1", "DELETE, GET")]
    public async Task A_method_the_path_does_not_take_is_named_with_those_it_takes(string method, string path, string allowed)
    {
        var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow.Order(StringComparer.Ordinal)));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string)(await ReadObject(response))["detail"]!;
        Assert.StartsWith($"/{path} does not take {method}; it takes ", detail);
        Assert.All(allowed.Split(", "), m => Assert.Contains(m, detail));
    }
}
