using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// Silos and web fronts as separate processes on one Redis, the way a company runs CxLive behind a
/// load balancer: walls and an agent console connected to the fronts see every change while the
/// cluster changes shape under them.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class WebFrontTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];

    private Dictionary<string, string> SiloSettings()
    {
        var settings = SiloProcess.SettingsFor(redis, _service, _service + ":interactions");
        settings["Web:Enabled"] = "false"; // the fronts serve people and integrators; the silos only compute
        // Room for every prompt of the traffic below: with the shipped 5 per agent, all but 15 of
        // hundreds would wait in the shared queue (OutreachCapacityTests covers that), and this test
        // follows each prompt to an agent's console through the cluster's changes.
        settings["Outreach:Capacity"] = "100000";
        // A roster of its own: a process in Production has none but what it is given.
        foreach (var (agent, index) in new[] { "li.na", "wang.wei", "sam.taylor" }.Select((agent, index) => (agent, index)))
        {
            settings[$"Outreach:Agents:{index}:Id"] = agent;
        }

        return settings;
    }

    [Fact]
    public async Task Walls_and_agents_on_two_fronts_miss_nothing_while_silos_join_stop_and_die_and_a_front_dies()
    {
        var silos = new List<SiloProcess> { await SiloProcess.StartAsync(SiloSettings()), await SiloProcess.StartAsync(SiloSettings()) };
        var started = await SiloProcess.StartAllAsync(SiloProcess.Front, SiloProcess.FrontSettingsFor(SiloSettings()), SiloProcess.FrontSettingsFor(SiloSettings()));
        var (first, second) = (started[0], started[1]);
        var fronts = new[] { first.BaseAddress, second.BaseAddress };
        try
        {
            var agents = (await ReadArray(await second.Http.GetAsync("api/agents"))).Select(a => (string)a!["id"]!).ToArray();
            await using var wallOnFirst = await FollowingClient.ConnectAsync([first.BaseAddress, second.BaseAddress], agents: null);
            await using var wallOnSecond = await FollowingClient.ConnectAsync([second.BaseAddress, first.BaseAddress], agents: null);
            await using var console = await FollowingClient.ConnectAsync([first.BaseAddress, second.BaseAddress], agents);

            // Detractor surveys, 5 customers every 200 ms, each posted to a front in turn (the other
            // one when that one does not answer): an alert and a prompt each.
            using var stop = new CancellationTokenSource();
            var answers = new ConcurrentBag<HttpStatusCode>();
            var traffic = Task.Run(async () =>
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var surveys = Enumerable.Range(0, 5).Select(_ => Make(NewCustomer(), DateTimeOffset.UtcNow, InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" })).ToArray();
                    for (var attempt = 0; attempt < 4; attempt++)
                    {
                        try
                        {
                            var answer = await http.PostAsync(new Uri(fronts[(round + attempt) % 2], "api/interactions"), Body(surveys));
                            answers.Add(answer.StatusCode);
                            if (answer.StatusCode == HttpStatusCode.Accepted)
                            {
                                break;
                            }
                        }
                        catch (HttpRequestException)
                        {
                            // that front is gone: the next attempt goes to the other one
                        }
                    }

                    await Task.Delay(200); // the traffic's pace (25 surveys a second), not a wait for anything
                }
            });

            async Task Phase(string what, Func<Task> change)
            {
                // Traffic between changes to the cluster (a few seconds' worth of alerts reaching a
                // wall), so each change meets alerts in flight.
                await wallOnSecond.ReceivedMoreAsync(150, TimeSpan.FromSeconds(60));
                var clock = Stopwatch.StartNew();
                await change();
                output.WriteLine($"{what}: {clock.ElapsedMilliseconds} ms");
            }

            await Phase("a third silo joined", async () => silos.Add(await SiloProcess.StartAsync(SiloSettings())));
            await Phase("the second silo stopped gracefully", async () => await silos[1].StopAsync(TimeSpan.FromSeconds(75)));
            await Phase("the first silo was killed", () => { silos[0].Kill(); return Task.CompletedTask; });
            await Phase("the first front was killed", () => { first.Kill(); return Task.CompletedTask; });
            await wallOnSecond.ReceivedMoreAsync(150, TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await traffic;

            // The truth: every alert as the cluster has it, and every agent's prompts.
            List<Alert> truth = [];
            try
            {
                truth = await Eventually.ResultAsync(
                    async () => await AllAlertsAsync(second.Http),
                    alerts => alerts.Count > 0 && alerts.All(a => a.AssignedTo is not null) && wallOnFirst.Has(alerts) && wallOnSecond.Has(alerts),
                    TimeSpan.FromSeconds(60),
                    "every alert assigned and on both walls");
            }
            catch (TimeoutException)
            {
                truth = await AllAlertsAsync(second.Http);
                output.WriteLine($"{truth.Count} alerts, {truth.Count(a => a.AssignedTo is null)} unassigned, {truth.Count(a => !wallOnFirst.HasLatest(a))} not as they are on the first wall, {truth.Count(a => !wallOnSecond.HasLatest(a))} on the second");
                output.WriteLine("second front:\n" + second.Output);
                foreach (var silo in silos)
                {
                    output.WriteLine("silo:\n" + silo.Output);
                }

                throw;
            }
            output.WriteLine($"{truth.Count} alerts; integrators' answers: {string.Join(", ", answers.GroupBy(a => a).Select(g => $"{(int)g.Key} x{g.Count()}"))}");
            foreach (var wall in new[] { wallOnFirst, wallOnSecond })
            {
                var late = wall.Lateness();
                output.WriteLine($"wall: {wall.Received} messages, {wall.Duplicates} duplicates dropped, {wall.Resumes} resumes; after the change: median {late.Median} ms, 95th percentile {late.P95} ms, slowest {late.Max} ms");
                Assert.Empty(truth.Where(a => !wall.HasLatest(a)).Select(a => a.Id));
                // Within 5 s as a rule; the few changes a killed silo's partitions made in its last
                // moment wait for the silo to be declared dead (measured, docs/benchmark-log.md).
                Assert.True(late.P95 <= 5_000, $"95% of changes reached a wall within {late.P95} ms");
            }

            var prompts = new List<OutreachPrompt>();
            foreach (var agent in agents)
            {
                prompts.AddRange(await AllPromptsAsync(second.Http, agent));
            }

            if (truth.Count != prompts.Count)
            {
                // Failed once (565 alerts, 564 prompts): say which alert has no prompt, and what it went through.
                var prompted = prompts.Select(p => p.AlertId).ToHashSet();
                foreach (var alone in truth.Where(a => !prompted.Contains(a.Id)))
                {
                    output.WriteLine($"no prompt for {alone.Id} (assigned to {alone.AssignedTo}, sequence {alone.Sequence}): {string.Join(" | ", alone.History.Select(h => $"{h.At:HH:mm:ss.fff} {h.By} {h.Note}"))}");
                    // Failed twice so: is the prompt stored but unknown to the desk's live activation (two activations in a membership change), or never made?
                    var promptId = "p-" + alone.Id;
                    var stored = await redis.Db.HashExistsAsync($"{_service}/records/outreach-{alone.Partition}", "p:" + promptId);
                    output.WriteLine($"  its prompt {promptId}: stored in Redis {stored}; the desk answers GET with {(int)(await second.Http.GetAsync($"api/outreach/{promptId}")).StatusCode}");
                }

                output.WriteLine($"alerts listed twice: {string.Join(", ", truth.GroupBy(a => a.Id).Where(g => g.Count() > 1).Select(g => g.Key))}; prompts listed twice: {string.Join(", ", prompts.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => g.Key))}");
            }

            Assert.Equal(truth.Count, prompts.Count);
            try
            {
                await Eventually.TrueAsync(() => Task.FromResult(prompts.All(console.HasPrompt)), TimeSpan.FromSeconds(10), "every prompt on the agents' console");
            }
            catch (TimeoutException)
            {
                // Failed once in a full run (passed when run again): say which prompts, so the next failure can be read.
                foreach (var missing in prompts.Where(p => !console.HasPrompt(p)))
                {
                    output.WriteLine($"not on the console: {missing.Id} of {missing.AgentId}, partition {missing.Partition} sequence {missing.Sequence} (console has {console.PromptSequence(missing.Id)?.ToString() ?? "none"}), created {missing.CreatedAt:O}");
                }

                output.WriteLine("second front:\n" + second.Output);
                throw;
            }

            output.WriteLine($"console: {console.Received} prompts, {console.Resumes} resumes");

            // Integrators only ever saw accepted or "try again" answers, never a 500.
            Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
        }
        finally
        {
            foreach (var process in silos.Append(first).Append(second))
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>Every prompt of the agent, page by page (the outreach list pages like the alerts).</summary>
    private static Task<List<OutreachPrompt>> AllPromptsAsync(HttpClient http, string agent) => AllPagesAsync<OutreachPrompt>(http, $"api/outreach?agentId={agent}&limit=500");

    private static Task<List<Alert>> AllAlertsAsync(HttpClient http) => AllPagesAsync<Alert>(http, "api/alerts?limit=500");

    /// <summary>
    /// A client as the pages are: keeps every <c>feedPosition</c>, and when its front goes away it
    /// connects to the next one and subscribes again with that position.
    /// </summary>
    private sealed class FollowingClient : IAsyncDisposable
    {
        private readonly Uri[] _fronts;
        private readonly string[]? _agents;
        private readonly ConcurrentDictionary<string, long> _latest = new();
        private readonly ConcurrentDictionary<string, long> _prompts = new();
        private readonly SemaphoreSlim _moving = new(1, 1);
        private HubConnection _connection = null!;
        private Dictionary<int, long>? _alertsAt;
        private Dictionary<int, long>? _promptsAt;
        private int _front;
        private bool _disposed;
        private readonly ConcurrentBag<long> _lateMs = [];

        private FollowingClient(Uri[] fronts, string[]? agents) => (_fronts, _agents) = (fronts, agents);

        public int Received;
        public int Duplicates;
        private readonly Waiters<int> _waiting = new();
        public int Resumes;

        /// <summary>How long after its change each new version arrived: median, 95th percentile, slowest (ms).</summary>
        public (long Median, long P95, long Max) Lateness()
        {
            var sorted = _lateMs.Order().ToArray();
            return sorted.Length == 0 ? (0, 0, 0) : (sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.95)], sorted[^1]);
        }

        public static async Task<FollowingClient> ConnectAsync(Uri[] fronts, string[]? agents)
        {
            var client = new FollowingClient(fronts, agents);
            await client.ConnectAsync();
            return client;
        }

        /// <summary>Completes once <paramref name="count"/> more messages have reached this client.</summary>
        public Task ReceivedMoreAsync(int count, TimeSpan timeout) => _waiting.WaitAsync(_ => true, count, timeout);

        public bool Has(IEnumerable<Alert> alerts) => alerts.All(HasLatest);

        public bool HasLatest(Alert alert) => _latest.TryGetValue(alert.Id, out var sequence) && sequence == alert.Sequence;

        public bool HasPrompt(OutreachPrompt prompt) => _prompts.TryGetValue(prompt.Id, out var sequence) && sequence >= prompt.Sequence;

        public long? PromptSequence(string promptId) => _prompts.TryGetValue(promptId, out var sequence) ? sequence : null;

        private async Task ConnectAsync()
        {
            // From where this client had got to before it moved: a feedPosition the new front pushes
            // before or between the subscriptions counts changes this client never received, and
            // handed back it would skip them (the last agent's prompts of the moment the first front
            // died were missed so, once in a full run). The pages keep their position the same way (hub.js).
            var (alertsFrom, promptsFrom) = (_alertsAt, _promptsAt);
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(_fronts[_front % _fronts.Length], "hubs/cx"))
                .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions))
                .Build();
            connection.On<Alert>("alertRaised", Take);
            connection.On<Alert>("alertUpdated", Take);
            connection.On<OutreachPrompt>("outreachPrompt", prompt =>
            {
                Count();
                _prompts.AddOrUpdate(prompt.Id, prompt.Sequence, (_, had) => Math.Max(had, prompt.Sequence));
            });
            connection.On<JsonObject>("feedPosition", position =>
            {
                _alertsAt = Positions(position["alerts"]);
                _promptsAt = Positions(position["prompts"]);
            });
            connection.Closed += _ => MoveAsync();
            await connection.StartAsync();
            _connection = connection;
            if (_agents is null)
            {
                Remember(await connection.InvokeAsync<JsonObject>("SubscribeWall", alertsFrom));
            }
            else
            {
                foreach (var agent in _agents)
                {
                    Remember(await connection.InvokeAsync<JsonObject>("SubscribeAgent", agent, promptsFrom));
                }
            }
        }

        /// <summary>The front went away: the next one, from where this client had got to.</summary>
        private async Task MoveAsync()
        {
            await _moving.WaitAsync();
            try
            {
                while (!_disposed)
                {
                    _front++;
                    Resumes++;
                    try
                    {
                        await ConnectAsync();
                        return;
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
                    {
                        await Task.Delay(200);
                    }
                }
            }
            finally
            {
                _moving.Release();
            }
        }

        private void Count()
        {
            _waiting.Observe(Interlocked.Increment(ref Received));
        }

        private void Take(Alert alert)
        {
            Count();
            var late = DateTimeOffset.UtcNow - alert.UpdatedAt;
            var isNew = true;
            _latest.AddOrUpdate(alert.Id, alert.Sequence, (_, had) =>
            {
                isNew = alert.Sequence > had;
                return Math.Max(had, alert.Sequence);
            });
            if (!isNew)
            {
                Interlocked.Increment(ref Duplicates);
                return;
            }

            _lateMs.Add((long)late.TotalMilliseconds);
        }

        private void Remember(JsonObject resumed)
        {
            _alertsAt ??= Positions(resumed["position"]?["alerts"]);
            _promptsAt ??= Positions(resumed["position"]?["prompts"]);
        }

        private static Dictionary<int, long>? Positions(JsonNode? node) =>
            node?.AsObject().ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => (long)p.Value!);

        public async ValueTask DisposeAsync()
        {
            _disposed = true;
            await _connection.DisposeAsync();
        }
    }
}
