using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary><c>GET /api/customers/{id}/score</c>: the score after each moment of the timeline, as the customer view draws it.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomerScoreApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Each_failure_lowers_the_score_and_a_success_lifts_it()
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await _http.PostAsync("api/interactions", Body(
            FailedSearch(customer, at, "red boots"),
            FailedSearch(customer, at.AddSeconds(30), "red boots 42"),
            Make(customer, at.AddMinutes(1), InteractionTypes.OrderPlaced, "web/checkout")));

        var points = await Eventually.ResultAsync(async () => await ReadArray(await _http.GetAsync($"api/customers/{customer}/score")),
            p => p.Count == 3, TimeSpan.FromSeconds(10), "three points");

        var scores = points.Select(p => (double)p!["score"]!).ToList();
        Assert.True(scores[1] < scores[0], $"a second failure should lower the score: {string.Join(", ", scores)}");
        Assert.True(scores[2] > scores[1], $"an order placed should lift it: {string.Join(", ", scores)}");
        Assert.Equal(["search", "search", "order-placed"], points.Select(p => (string)p!["type"]!));
    }

    [Fact]
    public async Task A_customer_never_seen_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/customers/{NewCustomer()}/score")).StatusCode);
    }
}
