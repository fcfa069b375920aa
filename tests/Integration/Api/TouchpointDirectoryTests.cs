using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.Time.Testing;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>
/// The touchpoints failing most (<c>GET /api/touchpoints?top=</c>) count a burst's last batch too,
/// though a touchpoint tells the directory its figures at most every 5 s and nothing follows the
/// burst: the wall's list and the incident card beside it end up saying the same. And a touchpoint
/// that falls silent leaves the list once its last 5 minutes are empty, though it reports no more.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TouchpointDirectoryTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private Task<long> FailuresListedAsync(string touchpoint, long expected) => Eventually.ResultAsync(
        async () => (await ReadArray(await _http.GetAsync("api/touchpoints?top=100"))).FirstOrDefault(t => (string)t!["touchpoint"]! == touchpoint) is { } entry
            ? (long)entry["last5Minutes"]!["failures"]!
            : 0,
        failures => failures == expected,
        TimeSpan.FromSeconds(15),
        $"the directory to count {expected} failures");

    [Fact]
    public async Task The_last_batch_of_a_burst_reaches_the_list_without_further_traffic()
    {
        var touchpoint = "app/checkout-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        Interaction[] Failures(int from, int count) =>
            [.. Enumerable.Range(from, count).Select(n => Make(NewCustomer(), at.AddSeconds(n), InteractionTypes.Checkout, touchpoint, Outcome.Failure))];

        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(Failures(0, 10)))).StatusCode);
        await FailuresListedAsync(touchpoint, 10);

        // Within the 5 s after that report, three more; then silence.
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(Failures(10, 3)))).StatusCode);

        Assert.Equal(13, await FailuresListedAsync(touchpoint, 13));
    }

    [Fact]
    public async Task A_touchpoint_that_falls_silent_leaves_the_list_when_its_last_five_minutes_empty()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new CxLiveApp(clock: clock);
        using var http = app.CreateHttpClient();
        var touchpoint = "app/checkout-" + Guid.NewGuid().ToString("N")[..6];
        var at = clock.GetUtcNow().AddMinutes(-1);
        Interaction[] failures = [.. Enumerable.Range(0, 10).Select(n => Make(NewCustomer(), at.AddSeconds(n), InteractionTypes.Checkout, touchpoint, Outcome.Failure))];
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(failures))).StatusCode);
        async Task<bool> ListedAsync() => (await ReadArray(await http.GetAsync("api/touchpoints?top=100"))).Any(t => (string)t!["touchpoint"]! == touchpoint);
        await Eventually.TrueAsync(ListedAsync, TimeSpan.FromSeconds(15), "the touchpoint among those failing most");

        clock.Advance(TimeSpan.FromMinutes(2)); // the last failure is under 3 minutes old: still in the window
        Assert.True(await ListedAsync());

        clock.Advance(TimeSpan.FromMinutes(4)); // nothing since: "failing most (last 5 min)" no longer
        Assert.False(await ListedAsync());
    }
}
