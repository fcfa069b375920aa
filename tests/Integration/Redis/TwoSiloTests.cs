using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using StackExchange.Redis;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>Two real silo processes of one cluster on a real redis-server, as an operator scales out.</summary>
[Collection(ProcessCollection.Name)]
public sealed class TwoSiloTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private string Stream => _service + ":interactions";

    [Fact]
    public async Task Killing_one_of_two_silos_mid_stream_loses_nothing_counts_nothing_twice_and_SLA_deadlines_still_fire()
    {
        var settingsA = SiloProcess.SettingsFor(redis, _service, Stream);
        var silos = await SiloProcess.StartAllAsync(SiloProcess.Silo, settingsA, SiloProcess.SettingsFor(redis, _service, Stream));
        await using var a = silos[0];
        await using var b = silos[1];
        var consumerA = $"{Environment.MachineName}:{settingsA["Orleans:Endpoints:SiloPort"]}";

        const int Rounds = 30;
        var customers = Enumerable.Range(0, 100).Select(_ => NewCustomer()).ToList();
        var complainers = customers.Take(10).ToList();
        var (search, home, email) = ($"web/search-{_service}", $"web/home-{_service}", $"email/{_service}");
        var start = DateTimeOffset.UtcNow;

        Interaction Round(string customer, int round) => round < 3
            ? Make(customer, start.AddSeconds(round - Rounds), InteractionTypes.Search, search, score: 0, id: $"{customer}-{round}")
            : Make(customer, start.AddSeconds(round - Rounds), InteractionTypes.PageView, home, id: $"{customer}-{round}");

        // Traffic arrives over a few seconds, as it would: one round of every customer at a time.
        var traffic = Task.Run(async () =>
        {
            // Each reply SLA runs out 20 s from now, after silo A is gone (it is killed within the
            // first second or two of traffic): silo B's reminders must fire them.
            await StreamTraffic.AddAsync(redis.Db, Stream, complainers.Select(c =>
                Make(c, start - TimeSpan.FromHours(2) + TimeSpan.FromSeconds(20), InteractionTypes.Complaint, email, id: $"{c}-complaint") with { CaseId = "case-" + c }));
            for (var round = 0; round < Rounds; round++)
            {
                await StreamTraffic.AddAsync(redis.Db, Stream, customers.Select(c => Round(c, round)));
                await Task.Delay(100);
            }
        });

        // Kill A while it holds entries it read but has not acknowledged.
        await Eventually.TrueAsync(
            async () => (await redis.Db.StreamPendingAsync(Stream, StreamTraffic.Group)).Consumers.Any(c => c.Name == consumerA && c.PendingMessageCount > 0),
            TimeSpan.FromSeconds(30),
            "silo A to hold unacknowledged entries");
        a.Kill();
        await traffic;

        await StreamTraffic.DrainedAsync(redis.Db, Stream, TimeSpan.FromSeconds(120));
        foreach (var customer in customers)
        {
            Assert.Equal(complainers.Contains(customer) ? Rounds + 1 : Rounds, await StreamTraffic.InteractionCountAsync(b.Http, customer));
        }

        Assert.Equal(300, await StreamTraffic.TouchpointTotalAsync(b.Http, search));
        Assert.Equal(100 * (Rounds - 3), await StreamTraffic.TouchpointTotalAsync(b.Http, home));
        Assert.Equal(10, await StreamTraffic.TouchpointTotalAsync(b.Http, email));

        // Every customer's failed searches are held by exactly one alert: its own, or (a complainer
        // whose complaint alert came first) the customer's open alert they were folded into.
        var alerts = await StreamTraffic.AlertsAsync(b.Http);
        var holders = customers.ToDictionary(c => c, c => Conversations.Holding(alerts, c, "repeated-failed-search").Count);
        var missing = holders.Where(h => h.Value == 0).Select(h => h.Key).ToList();
        var twice = holders.Count(h => h.Value > 1);
        Assert.True(missing.Count == 0 && twice == 0,
            $"{missing.Count} customers without their alert ({string.Join(", ", missing)}), {twice} alerted twice.\nA:\n{a.Output}\nB:\n{b.Output}");

        // Every complaint passes its SLA on time: the alert that holds it says so, in its title or,
        // folded, in its history; no complaint is held twice and no one else has one.
        var breached = await Eventually.ResultAsync(
            () => StreamTraffic.AlertsAsync(b.Http),
            all => complainers.All(c => Conversations.Holding(all, c, "unanswered-complaint") is [var held] && Conversations.WordsOf(held, "unanswered-complaint").Contains("past its")),
            TimeSpan.FromSeconds(90),
            "every complaint's SLA alert to pass its deadline");
        Assert.Equal(complainers.Order(), breached.Where(x => Conversations.Holds(x, "unanswered-complaint")).Select(x => x!["customerId"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Every_wall_gets_each_alert_once_whichever_silo_raised_it()
    {
        // Side by side, as a deployment of two replicas starts them: each takes walls before its
        // relay starts, which waits for its silo to join, and the other may publish meanwhile.
        var silos = await SiloProcess.StartAllAsync(SiloProcess.Silo, SiloProcess.SettingsFor(redis, _service, Stream), SiloProcess.SettingsFor(redis, _service, Stream));
        await using var a = silos[0];
        await using var b = silos[1];
        await using var wallOnA = await WallClient.ConnectAsync(a.BaseAddress);
        await using var wallOnB = await WallClient.ConnectAsync(b.BaseAddress);
        var customers = Enumerable.Range(0, 20).Select(_ => NewCustomer()).ToList();
        var now = DateTimeOffset.UtcNow;

        // Steady state first: in the seconds after a silo joins, Orleans' directory may briefly hold
        // two activations of the feed grain, and a wall can miss a push until its server renews its
        // subscription (docs/architecture.md). One alert seen on both walls means the join is over.
        var warmUp = NewCustomer();
        (await a.Http.PostAsync("api/interactions", Wire.Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(warmUp, now.AddSeconds(n)))]))).EnsureSuccessStatusCode();
        await Task.WhenAll(wallOnA.ReadUntilAsync(m => m.Alert.CustomerId == warmUp, TimeSpan.FromSeconds(60)), wallOnB.ReadUntilAsync(m => m.Alert.CustomerId == warmUp, TimeSpan.FromSeconds(60)));

        // Each customer's searches go to a different silo over HTTP; the stream spreads them further.
        for (var i = 0; i < customers.Count; i++)
        {
            var via = i % 2 == 0 ? a : b;
            // Each on a search page of its own: sixty failed searches on one touchpoint would be an outage,
            // and its incident would take the customers' alerts in (this test is about the walls, not outages).
            var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customers[i], now.AddSeconds(n)) with { Touchpoint = $"web/search-{i}" }).ToArray();
            (await via.Http.PostAsync("api/interactions", Wire.Body(searches))).EnsureSuccessStatusCode();
        }

        foreach (var wall in new[] { wallOnA, wallOnB })
        {
            var waiting = customers.ToHashSet();
            List<(string Method, Alert Alert)> received;
            try
            {
                received = await wall.ReadUntilAsync(m => waiting.Remove(m.Alert.CustomerId!) && waiting.Count == 0, TimeSpan.FromSeconds(60));
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{waiting.Count} customers' alerts never reached the wall on {(wall == wallOnA ? "A" : "B")}.\nA:\n{a.Output}\nB:\n{b.Output}");
                throw;
            }

            // A sentinel alert after all of them: anything sent twice would have arrived before it.
            var sentinel = NewCustomer();
            (await a.Http.PostAsync("api/interactions", Wire.Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(sentinel, now.AddSeconds(n)))]))).EnsureSuccessStatusCode();
            received.AddRange(await wall.ReadUntilAsync(m => m.Alert.CustomerId == sentinel, TimeSpan.FromSeconds(60)));

            // Each customer's alert is raised once. A wall whose web server caught a partition up (a push
            // missed while the cluster changed shape) hears that alert as an update instead: it still
            // appears, once, but never a second "raised".
            var ours = received.Where(m => customers.Contains(m.Alert.CustomerId!)).ToList();
            Assert.Equal(customers.Order(), ours.Select(m => m.Alert.CustomerId).Distinct().Order());
            Assert.Empty(ours.Where(m => m.Method == "alertRaised").GroupBy(m => m.Alert.Id).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.Equal(customers.Count, ours.Select(m => m.Alert.Id).Distinct().Count()); // one alert each, not two
        }
    }
}
