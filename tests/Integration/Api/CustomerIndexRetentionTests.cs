using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>With <c>Privacy:CustomerRetention</c>, customer search forgets a customer not seen for that long, as Redis forgets their state.</summary>
public sealed class CustomerIndexRetentionTests : IDisposable
{
    private readonly JumpingClock _clock = new(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CxLiveApp _app;
    private readonly HttpClient _http;

    public CustomerIndexRetentionTests()
    {
        _app = new CxLiveApp(new Dictionary<string, string?> { ["Privacy:CustomerRetention"] = "30.00:00:00" }, _clock);
        _http = _app.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    private async Task VisitAsync(string customer) =>
        (await _http.PostAsync("api/interactions", Body(Make(customer, _clock.GetUtcNow().AddMinutes(-1), InteractionTypes.PageView, "web/home")))).EnsureSuccessStatusCode();

    private async Task<List<string>> FindAsync(string prefix) =>
        [.. (await ReadArray(await _http.GetAsync($"api/customers?query={prefix}"))).Select(m => (string)m!["customerId"]!)];

    [Fact]
    public async Task A_customer_not_seen_for_the_retention_is_no_longer_found_one_seen_again_is()
    {
        var prefix = "kept-" + Guid.NewGuid().ToString("N")[..8];
        await VisitAsync(prefix + "-gone");
        await VisitAsync(prefix + "-back");
        Assert.Equal([prefix + "-back", prefix + "-gone"], await Eventually.ResultAsync(() => FindAsync(prefix), f => f.Count == 2, TimeSpan.FromSeconds(10), "both found"));

        _clock.Advance(TimeSpan.FromDays(20));
        await VisitAsync(prefix + "-back");
        _clock.Advance(TimeSpan.FromDays(11)); // "gone" was last seen 31 days ago, "back" 11

        Assert.Equal([prefix + "-back"], await FindAsync(prefix));
    }
}
