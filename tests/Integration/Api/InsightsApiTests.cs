using System.Net;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary><c>GET /api/insights/pain-points</c> as JSON and CSV, and its answers to bad windows.</summary>
[Collection(AppCollection.Name)]
public sealed class InsightsApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private static string Today => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd");

    private static string Tomorrow => DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd");

    /// <summary>Three failed searches, on a search page of their own: the app is shared, and a group's examples are its newest words.</summary>
    private async Task<string> RaiseAsync(string query, string touchpoint)
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(n * 20), $"{query} {n}") with { Touchpoint = touchpoint })]))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).Count > 0, TimeSpan.FromSeconds(10), "the alert raised");
        return customer;
    }

    [Fact]
    public async Task Pain_points_count_today_with_the_customers_own_words()
    {
        var customer = await RaiseAsync("velvet sofa", "web/search");

        var report = await ReadObject(await _http.GetAsync($"api/insights/pain-points?from={Today}&to={Tomorrow}&groupBy=rule"));

        var group = report["groups"]!.AsArray().Single(g => (string)g!["group"]! == "repeated-failed-search")!;
        Assert.True((int)group["total"]!["raised"]! >= 1);
        Assert.Equal(Today, (string)group["days"]!.AsArray().Single()!["day"]!);
        Assert.Contains(group["examples"]!.AsArray(), e => (string)e!["customerId"]! == customer && ((string)e["words"]!).StartsWith("velvet sofa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pain_points_as_csv_are_one_line_per_group_and_day()
    {
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await RaiseAsync("garden, hose", touchpoint);

        // The customer's words join the alert on the day's own lookup, a moment after the alert: ask until they are there.
        var (response, lines) = await Eventually.ResultAsync(async () =>
        {
            var csv = await _http.GetAsync($"api/insights/pain-points?from={Today}&to={Tomorrow}&groupBy=Touchpoint&format=CSV"); // read in any case
            return (csv, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }, r => r.Item2.Any(l => l.StartsWith($"{touchpoint},{Today},", StringComparison.Ordinal) && l.Contains(customer, StringComparison.Ordinal)), TimeSpan.FromSeconds(20), "the page's line with the customer's words");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("touchpoint,day,raised,customers,recovered,lost,open,outcomeUnknown,meanMinutesToAcknowledge,meanMinutesToResolve,examples,ended", lines[0]);
        var page = lines.Single(l => l.StartsWith($"{touchpoint},{Today},", StringComparison.Ordinal));
        Assert.Equal(["1", "1"], page.Split(',')[2..4]);
        Assert.EndsWith($"\"{customer}: garden, hose 2\",0", page); // her latest search; a comma in her words is quoted; the touchpoint ended nothing of its own
    }

    [Fact]
    public async Task A_quiet_pages_one_alert_keeps_its_words_when_a_busy_page_floods_the_same_moment()
    {
        var quiet = "web/search-" + Guid.NewGuid().ToString("N")[..8];
        var busy = "web/search-" + Guid.NewGuid().ToString("N")[..8];
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        // One customer stuck on a quiet page, then 150 on a busy one, all reaching insights together.
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(n * 20), "brass lamp") with { Touchpoint = quiet })]))).StatusCode);
        var crowd = Enumerable.Range(0, 150).Select(_ => NewCustomer()).ToList();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            [.. crowd.SelectMany(c => Enumerable.Range(0, 3).Select(n => FailedSearch(c, at.AddSeconds(n * 20), "gift card") with { Touchpoint = busy }))]))).StatusCode);

        var report = await Eventually.ResultAsync(
            async () => await ReadObject(await _http.GetAsync($"api/insights/pain-points?from={Today}&to={Tomorrow}&groupBy=touchpoint")),
            r => r["groups"]!.AsArray().Any(g => (string)g!["group"]! == busy && (int)g["total"]!["customers"]! == 150)
                && r["groups"]!.AsArray().Any(g => (string)g!["group"]! == quiet),
            TimeSpan.FromSeconds(30), "both pages counted");

        var page = report["groups"]!.AsArray().Single(g => (string)g!["group"]! == quiet)!;
        var example = page["examples"]!.AsArray().Single()!;
        Assert.Equal(customer, (string)example["customerId"]!);
        Assert.Equal("brass lamp", (string)example["words"]!);
    }

    [Theory]
    [InlineData("groupBy=colour", "groupBy")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-11-20&to=2026-11-10", "from")]
    [InlineData("from=2026-01-01&to=2026-11-10", "from")]
    [InlineData("format=xml", "format")]
    public async Task Bad_windows_are_400_naming_the_field(string query, string field)
    {
        var response = await _http.GetAsync($"api/insights/pain-points?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReadObject(response);
        Assert.NotNull(problem["errors"]![field]);
    }

    /// <summary>A time pasted into a URL as written loses its '+': the answer says so, not only that it is no date.</summary>
    [Fact]
    public async Task A_time_whose_plus_was_not_encoded_is_refused_saying_how_to_send_it()
    {
        var response = await _http.GetAsync("api/insights/pain-points?from=2026-12-01T00:00:00+08:00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reasons = (await ReadObject(response))["errors"]!["from"]!.AsArray().Select(r => (string)r!);
        Assert.Contains(reasons, r => r.EndsWith("(a '+' in a query string must be sent as %2B: a bare '+' reads as a space)", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("api/insights/pain-points?from=2026-12-01T00:00:00%2B08:00")).StatusCode);
    }
}
