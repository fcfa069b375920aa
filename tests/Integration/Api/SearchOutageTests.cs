using System.Net;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>A search that answers "success" with nothing found, for everyone, is an outage.</summary>
[Collection(AppCollection.Name)]
public sealed class SearchOutageTests(AppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Searches_finding_nothing_for_everyone_open_one_incident_that_absorbs_the_failed_search_alerts()
    {
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow.AddMinutes(-2);
        var customers = Enumerable.Range(0, 8).Select(_ => NewCustomer()).ToArray();

        // Every search "succeeds" with 0 results: 24 of them, three per customer.
        var searches = customers.SelectMany((c, n) => Enumerable.Range(0, 3).Select(k => FailedSearch(c, now.AddSeconds(n * 3 + k)) with { Touchpoint = touchpoint })).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(searches))).StatusCode);

        var incidents = await Eventually.ResultAsync(
            async () => (await ReadArray(await _http.GetAsync("api/incidents?open=true"))).Where(i => (string?)i!["touchpoint"] == touchpoint).ToList(),
            found => found.Count > 0 && (int)found[0]!["affectedCustomers"]! == customers.Length,
            Patience,
            "one incident on the search touchpoint holding every customer");
        var incident = Assert.Single(incidents)!;

        foreach (var customer in customers)
        {
            var alert = (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).Single()!;
            Assert.Equal("repeated-failed-search", (string)alert["ruleId"]!);
            Assert.Equal((string)incident["id"]!, (string?)alert["incidentId"]);
        }

        var failingMost = await Eventually.ResultAsync(
            async () => await ReadArray(await _http.GetAsync("api/touchpoints?top=100")),
            top => top.Any(t => (string)t!["touchpoint"]! == touchpoint),
            Patience,
            "the touchpoint among those failing most");
        var entry = failingMost.First(t => (string)t!["touchpoint"]! == touchpoint)!;
        Assert.Equal(24, (long)entry["failures"]!);
    }
}
