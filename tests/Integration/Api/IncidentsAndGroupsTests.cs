using System.Net;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
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
        // Other tests share this app, and their incidents reach this wall too: this touchpoint's is the one.
        using var opening = new CancellationTokenSource(Patience);
        var opened = await wall.Incidents.Reader.ReadAsync(opening.Token);
        while (opened.Touchpoint != touchpoint)
        {
            opened = await wall.Incidents.Reader.ReadAsync(opening.Token);
        }

        // A customer who failed there once raised nothing of her own, but her view says what she ran into.
        var once = await ReadObject(await _http.GetAsync($"api/customers/{failures[0].CustomerId}"));
        Assert.Equal([opened.Id], once["incidents"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Equal(opened.Id, (string)once["timeline"]!.AsArray().Single()!["duringIncident"]!);

        // A customer who now fails three times there joins the incident instead of standing alone. Her
        // alerts live in another partition than the incident: its resolve reaches her there.
        var partitions = fixture.App.Services.GetRequiredService<ClusterAlerts>().Partitions;
        var customer = NewCustomer();
        while (partitions > 1 && AlertPartitions.Of(customer, partitions) == opened.Partition)
        {
            customer = NewCustomer();
        }

        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(30 + n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]));
        var alert = (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).Single()!;
        Assert.Equal(opened.Id, (string)alert["incidentId"]!);

        // Its partition sends new members to the incident's partition together, within a quarter of a second: the wall hears the count.
        using var patience = new CancellationTokenSource(Patience);
        while ((await wall.Incidents.Reader.ReadAsync(patience.Token)) is not { AffectedCustomers: 1 } counted || counted.Id != opened.Id)
        {
        }

        var incident = await ReadObject(await _http.GetAsync($"api/incidents/{opened.Id}"));
        Assert.Equal(1, (int)incident["affectedCustomers"]!);
        Assert.Equal([(string)alert["id"]!], incident["alertIds"]!.AsArray().Select(id => (string)id!));
        Assert.Contains(await ReadArray(await _http.GetAsync("api/incidents?open=true")), i => (string)i!["id"]! == opened.Id);

        var resolved = await _http.PostAsync($"api/incidents/{opened.Id}/resolve", Body("""{ "by": "supervisor:li", "note": "search index rebuilt" }"""));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.NotEqual(opened.Partition, (int)alert["partition"]!);
        // Another partition hears of the resolve one-way: asked until it has.
        var closed = await Eventually.ResultAsync(async () => await ReadObject(await _http.GetAsync($"api/alerts/{(string)alert["id"]!}")),
            a => (string)a["state"]! == "resolved", Patience, "her alert resolved with the incident");
        // The note says on her alert what fixed the outage (it was dropped without a word).
        Assert.EndsWith("search index rebuilt", (string)closed["history"]!.AsArray()[^1]!["note"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync($"api/incidents/{opened.Id}/resolve", Body(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("api/incidents/inc-none/resolve", Body(""))).StatusCode);
    }

    [Fact]
    public async Task A_client_subscribed_to_one_customer_hears_about_that_customer_only()
    {
        await using var watcher = await WallClient.ConnectAsync(fixture.App.BaseAddress, subscribeToWall: false);
        var (watched, other) = (NewCustomer(), NewCustomer());
        await watcher.InvokeAsync("SubscribeCustomer", watched, null);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);

        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(other, now.AddSeconds(n)))]));
        await _http.PostAsync("api/interactions", Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(watched, now.AddSeconds(n)))]));

        // The other customer's alert was raised first, and pushes keep their order: had it been sent
        // to this client, it would be among what arrived before the watched customer's.
        var received = await watcher.ReadUntilAsync(m => m.Alert.CustomerId == watched, Patience);
        Assert.Equal("alertRaised", received[^1].Method);
        Assert.DoesNotContain(received, m => m.Alert.CustomerId == other);
    }

    [Fact]
    public async Task A_watched_customer_pushes_a_snapshot_after_each_batch_and_an_unwatched_one_pushes_nothing()
    {
        await using var watcher = await WallClient.ConnectAsync(fixture.App.BaseAddress, subscribeToWall: false);
        var (watched, other) = (NewCustomer(), NewCustomer());
        await watcher.InvokeAsync("SubscribeCustomer", watched, null);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);

        // The other customer is recorded (and would have pushed) before the watched one acts at all.
        await _http.PostAsync("api/interactions", Body([FailedSearch(other, now)]));
        await Eventually.TrueAsync(async () => (long)(await ReadObject(await _http.GetAsync($"api/customers/{other}")))["interactionCount"]! == 1, Patience, "the other customer recorded");

        var first = FailedSearch(watched, now);
        await _http.PostAsync("api/interactions", Body([first]));
        var snapshot = await watcher.Customers.Reader.ReadAsync(new CancellationTokenSource(Patience).Token);
        Assert.Equal(watched, snapshot.CustomerId);
        Assert.Equal(1, snapshot.InteractionCount);
        Assert.Equal(first.Id, snapshot.Timeline.Single().Id);

        // Live: the next batch arrives as the next snapshot, newest first, with the score it left.
        var second = FailedSearch(watched, now.AddSeconds(5));
        await _http.PostAsync("api/interactions", Body([second]));
        snapshot = await watcher.Customers.Reader.ReadAsync(new CancellationTokenSource(Patience).Token);
        Assert.Equal([second.Id, first.Id], snapshot.Timeline.Select(i => i.Id));
        Assert.True(snapshot.ExperienceScore < 50, $"two failed searches should pull the score below neutral, was {snapshot.ExperienceScore}");

        // Unwatched: a later batch pushes nothing, which a round trip after it proves.
        await watcher.InvokeAsync("UnsubscribeCustomer", watched);
        await _http.PostAsync("api/interactions", Body([FailedSearch(watched, now.AddSeconds(10))]));
        await Eventually.TrueAsync(async () => (long)(await ReadObject(await _http.GetAsync($"api/customers/{watched}")))["interactionCount"]! == 3, Patience, "the third batch recorded");
        await watcher.InvokeAsync("SubscribeCustomer", other, null);
        await _http.PostAsync("api/interactions", Body([FailedSearch(other, now.AddSeconds(10))]));
        Assert.Equal(other, (await watcher.Customers.Reader.ReadAsync(new CancellationTokenSource(Patience).Token)).CustomerId);
    }
}
