using System.Net;
using System.Text;
using CxLive.Dashboard.Operations;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.Logging;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Operations;

/// <summary>
/// An integrator quotes the correlation id of a refused batch; the operator finds the request in
/// the log by it. The log lines about refusals did not carry it, and a batch refused whole was not
/// logged at all.
/// </summary>
public sealed class CorrelationIdLogTests : IDisposable
{
    private readonly CxLiveApp _app = new(keepLogs: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_refused_batch_is_logged_with_the_callers_correlation_id_once_per_request()
    {
        using var http = _app.CreateHttpClient();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var bad = $"{{ \"id\": \"bad-{Guid.NewGuid():N}\", \"customerId\": \"x\", \"timestamp\": \"{now:O}\", \"channel\": \"fax\", \"touchpoint\": \"fax/1\", \"type\": \"search\" }}";

        var whole = await PostAsync(http, "trial-123", $"[{bad}, {bad.Replace("bad-", "worse-")}]");
        Assert.Equal(HttpStatusCode.BadRequest, whole.StatusCode);
        Assert.Equal("trial-123", whole.Headers.GetValues(CorrelationIds.Header).Single());
        Assert.Equal("trial-123", (string)(await ReadObject(whole))["correlationId"]!);

        var good = Json(Interactions.FailedSearch(Interactions.NewCustomer(), now));
        var partly = await PostAsync(http, "trial-124", $"[{good}, {bad}]");
        Assert.Equal(HttpStatusCode.Accepted, partly.StatusCode);

        var lines = _app.Logs.GetSnapshot().Where(l => l.Level >= LogLevel.Information).Select(l => l.Message).ToList();
        var refused = Assert.Single(lines, l => l.Contains("trial-123", StringComparison.Ordinal));
        Assert.Contains("POST /api/interactions", refused);
        Assert.Contains("400", refused);
        Assert.Contains("channel", refused); // the first item's first reason, not only "none is valid"
        var some = Assert.Single(lines, l => l.Contains("trial-124", StringComparison.Ordinal));
        Assert.StartsWith("Refused 1 of 2 interactions", some);
    }

    /// <summary>A refusal for a misspelt query was answered with the id but not logged; unreadable JSON quotes the body, which must not forge log lines.</summary>
    [Fact]
    public async Task A_query_refusal_is_logged_too_and_quoted_body_text_cannot_break_the_log_line()
    {
        using var http = _app.CreateHttpClient();
        var query = new HttpRequestMessage(HttpMethod.Post, "api/interactions?foo=1") { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        query.Headers.Add(CorrelationIds.Header, "trial-125");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(query)).StatusCode);

        // Quoted as found: "a value was expected but found '#<U+2028><U+0085>fake: line'".
        var forged = await PostAsync(http, "trial-126", "[#\u2028\u0085fake: line");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var lines = _app.Logs.GetSnapshot().Select(l => l.Message).ToList();
        Assert.Contains("foo", Assert.Single(lines, l => l.Contains("trial-125", StringComparison.Ordinal)));
        var refused = Assert.Single(lines, l => l.Contains("trial-126", StringComparison.Ordinal));
        Assert.DoesNotContain('\u2028', refused);
        Assert.DoesNotContain('\u0085', refused);
        Assert.Contains("\\u2028", refused); // still said, as text
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string correlationId, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(CorrelationIds.Header, correlationId);
        return await http.SendAsync(request);
    }
}
