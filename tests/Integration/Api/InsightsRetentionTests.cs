using System.Net;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>
/// Insights look back as far as <c>Insights:Retention</c> says, not as far as the alert partitions
/// happen to keep alerts: a month after an alert was resolved and forgotten by its partition, the
/// day it was raised still counts it, in the customer's words; after the retention, it is gone.
/// </summary>
public sealed class InsightsRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly JumpingClock _clock = new(Start);
    private readonly CxLiveApp _app;
    private readonly HttpClient _http;

    public InsightsRetentionTests()
    {
        // Partitions forget resolved alerts a day after resolution; insights keep 60 days.
        _app = new CxLiveApp(new Dictionary<string, string?> { ["Alerts:ResolvedRetention"] = "1.00:00:00", ["Insights:Retention"] = "60.00:00:00" }, _clock);
        _http = _app.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    private async Task<string> RaiseAsync(string customer, string query)
    {
        var at = _clock.GetUtcNow().AddMinutes(-2);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(n * 20), query))]))).StatusCode);
        var alerts = await Eventually.ResultAsync(async () => await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}&ruleId=repeated-failed-search")),
            found => found.Count > 0, TimeSpan.FromSeconds(10), "the alert raised");
        return (string)alerts[0]!["id"]!;
    }

    private async Task<System.Text.Json.Nodes.JsonNode> FirstSeptemberAsync()
    {
        var response = await _http.GetAsync("api/insights/pain-points?from=2026-09-01&to=2026-09-02&groupBy=rule");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await ReadObject(response))["groups"]!.AsArray().SingleOrDefault(g => (string)g!["group"]! == "repeated-failed-search")!;
    }

    [Fact]
    public async Task A_day_is_counted_after_its_partition_forgot_the_alert_and_forgotten_after_the_retention()
    {
        var customer = NewCustomer();
        var id = await RaiseAsync(customer, "oak table");
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{id}/resolve", Body("""{ "note": "found it for her" }"""))).StatusCode);
        await FirstSeptemberAsync(); // a supervisor looks that day: the resolution is forwarded

        // A month on, a new alert of the same customer makes the partition prune: the first alert is gone from it.
        _clock.Advance(TimeSpan.FromDays(30));
        await RaiseAsync(customer, "oak chair");
        await Eventually.TrueAsync(async () => (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).All(a => (string)a!["id"]! != id),
            TimeSpan.FromSeconds(10), "the partition to forget the resolved alert");

        var kept = await FirstSeptemberAsync();
        Assert.Equal(1, (int)kept["total"]!["raised"]!);
        Assert.Equal(1, (int)kept["total"]!["customers"]!);
        Assert.Equal("oak table", (string)kept["examples"]!.AsArray().Single()!["words"]!);
        Assert.NotNull(kept["total"]!["meanMinutesToResolve"]);

        _clock.Advance(TimeSpan.FromDays(31)); // 61 days after the first of September
        Assert.Null(await FirstSeptemberAsync());
    }

    [Fact]
    public async Task A_window_longer_than_the_retention_is_refused_naming_the_days_kept()
    {
        var response = await _http.GetAsync("api/insights/pain-points?from=2026-07-01&to=2026-09-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadObject(response);
        Assert.Equal("the window may span at most 60 days, as long as insights are kept (Insights:Retention)", (string)problem["errors"]!["from"]![0]!);
        Assert.Equal(60, (int)problem["retentionDays"]!); // what the insights page says in its own language
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("api/insights/pain-points?from=2026-07-03&to=2026-09-01")).StatusCode); // 60 days
    }
}
