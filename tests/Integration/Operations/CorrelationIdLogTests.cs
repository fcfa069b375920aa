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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string correlationId, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(CorrelationIds.Header, correlationId);
        return await http.SendAsync(request);
    }
}
