using System.Net;
using System.Text.Json.Nodes;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary><c>GET /api/alerts</c> pages over every alert partition in one stable order, through the <c>Link</c> header.</summary>
[Collection(AppCollection.Name)]
public sealed class PagingAcrossPartitionsTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();
    private readonly string _touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];

    public void Dispose() => _http.Dispose();

    private async Task RaiseAsync(int customers)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        var searches = Enumerable.Range(0, customers).SelectMany(_ => NewCustomer() is var c
            ? Enumerable.Range(0, 3).Select(n => Make(c, at.AddSeconds(n), "search", _touchpoint, score: 0))
            : []);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([.. searches]))).StatusCode);
    }

    [Fact]
    public async Task Paging_sees_every_alert_once_in_order_while_new_alerts_arrive()
    {
        await RaiseAsync(40);
        var url = $"api/alerts?touchpoint={Uri.EscapeDataString(_touchpoint)}&ruleId=repeated-failed-search&limit=7"; // the customers' alerts; their failing searches also degrade the touchpoint
        var seen = new List<JsonObject>();
        var pages = 0;
        while (url is not null)
        {
            var response = await _http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await ReadArray(response)).Select(a => a!.AsObject()));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<').TrimStart('/') : null;
            if (++pages == 1)
            {
                await RaiseAsync(10); // newer than the cursor: they belong before the first page, not in a later one
            }
        }

        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Select(a => (string)a["id"]!).Distinct().Count());
        var positions = seen.Select(a => new AlertPosition(DateTimeOffset.Parse((string)a["raisedAt"]!), (string)a["id"]!)).ToList();
        Assert.All(positions.Zip(positions.Skip(1)), pair => Assert.True(pair.First.CompareTo(pair.Second) > 0, $"{pair.First} before {pair.Second}"));
        Assert.True(seen.Select(a => (int)a["partition"]!).Distinct().Count() > 3, "the customers' alerts live in several partitions");
        Assert.All(seen, a => Assert.StartsWith($"{(int)a["partition"]!}-", (string)a["id"]!));
        Assert.All(seen, a => Assert.True((long)a["sequence"]! > 0));

        Assert.Equal(50, (await ReadArray(await _http.GetAsync($"api/alerts?touchpoint={Uri.EscapeDataString(_touchpoint)}&ruleId=repeated-failed-search&limit=100"))).Count);
        // A page holding exactly the last alerts links to no next page: the link led to an empty one.
        var whole = await _http.GetAsync($"api/alerts?touchpoint={Uri.EscapeDataString(_touchpoint)}&ruleId=repeated-failed-search&limit=50");
        Assert.Equal(50, (await ReadArray(whole)).Count);
        Assert.False(whole.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("abc.")]
    [InlineData(".3-abc")]
    public async Task A_cursor_that_no_page_gave_is_refused(string cursor)
    {
        var response = await _http.GetAsync($"api/alerts?cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cursor", (string)(await ReadObject(response))["detail"]!);
    }
}
