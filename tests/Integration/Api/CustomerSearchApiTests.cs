using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary><c>GET /api/customers?query=</c>: customers found by part of their id.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomerSearchApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Finds_customers_with_alerts_by_the_start_of_their_id_case_insensitive()
    {
        var prefix = "find-" + Guid.NewGuid().ToString("N")[..8];
        var customer = prefix + "-ana";
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(n * 20)))]));

        var found = await Eventually.ResultAsync(
            async () => await ReadArray(await _http.GetAsync($"api/customers?query={prefix.ToUpperInvariant()}")),
            matches => matches.Count > 0, TimeSpan.FromSeconds(10), "the customer found");

        Assert.Equal(customer, (string)Assert.Single(found)!["customerId"]!);
    }

    [Fact]
    public async Task Finds_every_recorded_customer_the_alerted_first_then_the_others_by_their_ids()
    {
        var prefix = "find-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        // A customer who calls in with no alert yet must be findable too: here two quiet ones and one alerted.
        await _http.PostAsync("api/interactions", Body(Make(prefix + "-zoe", at, InteractionTypes.PageView, "web/home"), Make(prefix + "-bo", at, InteractionTypes.PageView, "web/home")));
        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(prefix + "-mia", at.AddSeconds(n * 20)))]));

        var found = await Eventually.ResultAsync(
            async () => await ReadArray(await _http.GetAsync($"api/customers?query={prefix}")),
            matches => matches.Count == 3 && (int)matches[0]!["alerts"]! > 0, TimeSpan.FromSeconds(10), "all three customers found, the alerted one first");

        Assert.Equal([prefix + "-mia", prefix + "-bo", prefix + "-zoe"], found.Select(m => (string)m!["customerId"]!));
        Assert.Null(found[1]!["lastAlertAt"]);
        Assert.Equal(0, (int)found[1]!["alerts"]!);
        Assert.Equal(prefix + "-bo", (string)Assert.Single(await ReadArray(await _http.GetAsync($"api/customers?query={prefix}-b")))!["customerId"]!);
    }

    [Fact]
    public async Task Finds_customers_by_any_part_of_their_id_in_any_case_those_it_starts_with_first()
    {
        // What a customer reads out on the phone is often the middle of the id the integrator sends.
        var tag = "mid" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        await _http.PostAsync("api/interactions", Body(Make("pre-" + tag.ToUpperInvariant() + "-ana", at, InteractionTypes.PageView, "web/home"), Make(tag + "-bo", at, InteractionTypes.PageView, "web/home")));
        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch("alert-" + tag + "-mia", at.AddSeconds(n * 20)))]));

        var found = await Eventually.ResultAsync(
            async () => await ReadArray(await _http.GetAsync($"api/customers?query={tag.ToUpperInvariant()}")),
            matches => matches.Count == 3 && matches.Any(m => (int)m!["alerts"]! > 0), TimeSpan.FromSeconds(10), "all three customers found");

        Assert.Equal([tag + "-bo", "alert-" + tag + "-mia", "pre-" + tag.ToUpperInvariant() + "-ana"], found.Select(m => (string)m!["customerId"]!));
    }

    [Theory]
    [InlineData("api/customers", "query")]
    [InlineData("api/customers?query=c-&limit=0", "limit")]
    [InlineData("api/customers?query=c-&limit=abc", "limit")]
    public async Task Bad_queries_are_400_naming_the_field(string path, string field)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ReadObject(response))["errors"]![field]);
    }
}
