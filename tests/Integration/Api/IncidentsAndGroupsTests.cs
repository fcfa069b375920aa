using System.Net;
using CxLive.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>Incidents from real traffic, and the hub groups that deliver only what a client asked for.</summary>
[Collection(AppCollection.Name)]
public sealed class IncidentsAndGroupsTests(AppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_degrading_touchpoint_opens_an_incident_that_absorbs_its_customer_alerts_and_resolving_it_resolves_them()
    {
        await using var wall = await WallClient.ConnectAsync(fixture.App.BaseAddress);
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);

        // 20 customers each fail once on it: no customer alert, but the touchpoint is degraded.
        var failures = Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), now.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(failures))).StatusCode);
        var opened = await wall.Incidents.Reader.ReadAsync(new CancellationTokenSource(Patience).Token);
        Assert.Equal(touchpoint, opened.Touchpoint);

        // A customer who now fails three times there joins the incident instead of standing alone.
        var customer = NewCustomer();
        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(30 + n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]));
        var alert = (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).Single()!;
        Assert.Equal(opened.Id, (string)alert["incidentId"]!);
        var incident = await ReadObject(await _http.GetAsync($"api/incidents/{opened.Id}"));
        Assert.Equal(1, (int)incident["affectedCustomers"]!);
        Assert.Contains(await ReadArray(await _http.GetAsync("api/incidents?open=true")), i => (string)i!["id"]! == opened.Id);

        var resolved = await _http.PostAsync($"api/incidents/{opened.Id}/resolve", Body("""{ "by": "supervisor:li" }"""));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("resolved", (string)(await ReadObject(await _http.GetAsync($"api/alerts/{(string)alert["id"]!}")))["state"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync($"api/incidents/{opened.Id}/resolve", Body(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("api/incidents/inc-none/resolve", Body(""))).StatusCode);
    }

    [Fact]
    public async Task A_client_subscribed_to_one_customer_hears_about_that_customer_only()
    {
        await using var watcher = await WallClient.ConnectAsync(fixture.App.BaseAddress, subscribeToWall: false);
        var (watched, other) = (NewCustomer(), NewCustomer());
        await watcher.InvokeAsync("SubscribeCustomer", watched);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);

        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(other, now.AddSeconds(n)))]));
        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(watched, now.AddSeconds(n)))]));

        // The other customer's alert was raised first, and pushes keep their order: had it been sent
        // to this client, it would be among what arrived before the watched customer's.
        var received = await watcher.ReadUntilAsync(m => m.Alert.CustomerId == watched, Patience);
        Assert.Equal("alertRaised", received[^1].Method);
        Assert.DoesNotContain(received, m => m.Alert.CustomerId == other);
    }
}
