using System.Net;
using System.Text;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Operations;
using CxLive.Silo.Operations;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Operations;

/// <summary>What an operator's probes and Prometheus see of a running CxLive.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthAndMetricsTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Live_and_ready_answer_200_with_the_checks_that_ran()
    {
        var live = await _http.GetAsync("health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (string)(await ReadObject(live))["status"]!);

        var ready = await ReadObject(await _http.GetAsync("health/ready"));
        Assert.Equal("Healthy", (string)ready["checks"]!["silo"]!["status"]!);
        Assert.Null(ready["checks"]!["redis"]); // embedded mode has no Redis to check
    }

    [Fact]
    public async Task Startup_answers_200_once_the_silo_has_started_and_readiness_is_exported_as_a_gauge()
    {
        var startup = await _http.GetAsync("health/startup");
        Assert.Equal(HttpStatusCode.OK, startup.StatusCode);
        Assert.Equal("Healthy", (string)(await ReadObject(startup))["checks"]!["started"]!["status"]!);

        // The health-check publisher runs the readiness checks a second after start, then every 10 s.
        await Eventually.TrueAsync(async () => Metrics.Value(await ScrapeAsync(), "cxlive_ready", "") == 1, TimeSpan.FromSeconds(30), "cxlive_ready 1");
    }

    [Fact]
    public async Task Ingesting_moves_the_counters_Prometheus_scrapes()
    {
        var before = await ScrapeAsync();

        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        // Channels no other test of this app sends on, so the exact counts are this test's own.
        var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)) with { Channel = Channel.Partner }).ToArray();
        var app = Make(NewCustomer(), now, InteractionTypes.PageView, "sms/link") with { Channel = Channel.Sms };
        var body = $"[{string.Join(",", searches.Append(app).Select(i => Json(i)))}, {{ \"id\": \"bad-{Guid.NewGuid():N}\", \"customerId\": \"x\", \"timestamp\": \"{now:O}\", \"channel\": \"fax\", \"touchpoint\": \"fax/1\", \"type\": \"search\" }}]";
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _http.PostAsync("api/interactions", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode);
        // No refresh asked for: the grains gauge follows Orleans' own counter as activations happen.
        var after = await ScrapeAsync();
        Assert.Equal(3, Metrics.Moved(before, after, "cxlive_ingested_events_total", "channel=\"partner\""));
        Assert.Equal(1, Metrics.Moved(before, after, "cxlive_ingested_events_total", "channel=\"sms\""));
        Assert.Equal(4, Metrics.Moved(before, after, "cxlive_ingest_accepted_total", "")); // the share refused is rejected / (accepted + rejected)
        Assert.Equal(1, Metrics.Moved(before, after, "cxlive_ingest_rejected_total", "reason=\"channel\""));
        Assert.Equal(1, Metrics.Moved(before, after, "cxlive_ingest_rejected_total", "reason=\"content-type\""));
        Assert.True(Metrics.Moved(before, after, "cxlive_alerts_total", "rule=\"repeated-failed-search\",state=\"open\"") >= 1);
        Assert.True(Metrics.Moved(before, after, "cxlive_detection_latency_milliseconds_count", "") >= 1);
        Assert.True(Metrics.Value(after, "cxlive_grains_active", "type=\"CustomerGrain\"") >= 2);
    }

    [Fact]
    public async Task Every_answer_carries_a_correlation_id_the_callers_own_when_it_sent_one()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions") { Content = Body("[]") };
        request.Headers.Add(CorrelationIds.Header, "acme-req-42");
        var refused = await _http.SendAsync(request);

        Assert.Equal("acme-req-42", refused.Headers.GetValues(CorrelationIds.Header).Single());
        Assert.Equal("acme-req-42", (string)(await ReadObject(refused))["correlationId"]!);

        var unnamed = await _http.GetAsync("api/alerts/no-such-alert");
        Assert.Matches("^[0-9a-f]{32}$", unnamed.Headers.GetValues(CorrelationIds.Header).Single()); // the W3C trace id
        Assert.Equal(unnamed.Headers.GetValues(CorrelationIds.Header).Single(), (string)(await ReadObject(unnamed))["correlationId"]!);
    }

    private Task<string> ScrapeAsync() => Metrics.ScrapeAsync(_http);
}
