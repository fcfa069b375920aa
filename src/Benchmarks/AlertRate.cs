using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Alerts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Benchmarks;

/// <summary>
/// How fast alerts are raised as they accumulate, and how a flood reaches the wall. Each customer
/// has one bad experience (three failed searches: one <c>repeated-failed-search</c> alert; the
/// experience-drop rule is switched off for the run so that every customer means exactly one
/// alert). Waves of distinct customers are posted over HTTP; a wave's time runs from its first
/// POST until <c>GET /api/alerts/stats</c> counts its alerts and a connected wall client has
/// received them all. After a warm-up whose alerts are resolved and forgotten, a wave runs with no
/// alert stored, then the book is filled, then the same wave runs again. With a Redis address, <c>redis-cli monitor</c> samples the last wave and
/// the bytes written to alert records are counted per alert change.
/// </summary>
public static class AlertRate
{
    public static async Task<int> RunAsync(Uri url, int stored, int wave, int batchCustomers, string? redis, bool routed = false)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        await SetRuleAsync(http, RuleIds.ExperienceDrop, enabled: false);

        // Every customer fails on the same search page, so the page itself degrades and an incident
        // opens and absorbs the alerts (not routed to agents): an outage. Routed, the page's own rule
        // is off and every alert takes the whole path to a desk, a prompt and the agents' queue.
        await SetRuleAsync(http, RuleIds.TouchpointDegradation, enabled: !routed);
        var run = Guid.NewGuid().ToString("N")[..6];
        var wall = new WallCounter(url, run);
        await wall.StartAsync();
        try
        {
            // A warm-up first: a fresh process pays for JIT tiers (the alert path's code reaches its
            // last tier only after some tens of thousands of calls), the GC sizing its heaps and the
            // thread pool growing, and measured so, "from empty" was the first seconds of a process.
            // Customers whose searches all find something (no alert), then a wave of alerts that
            // the same customers' next search resolves; a silo started with Alerts:ResolvedKept=0
            // then forgets them, and "from empty" is a warm process with no alert stored.
            await WarmUpAsync(http, $"{run}-quiet", 3 * wave, batchCustomers);
            Report("warm-up", wave, await WaveAsync(http, wall, $"{run}-w", wave, batchCustomers));
            if (!routed)
            {
                Console.WriteLine($"outage: {await IncidentAsync(http)}"); // what the timed waves measure: alerts joining an incident
            }

            var left = await ResolveAsync(http, $"{run}-w", wave, batchCustomers);
            await SettleAsync(http);
            var empty = await WaveAsync(http, wall, $"{run}-a", wave, batchCustomers);
            Report($"from empty ({left:N0} stored)", wave, empty);
            var fill = await WaveAsync(http, wall, $"{run}-fill", Math.Max(0, stored - wave - (int)left), batchCustomers);
            Report($"filling to {stored:N0}", stored - wave - (int)left, fill);
            await SettleAsync(http);
            Sample? sample = redis is null ? null : Sample.Start(redis);
            var full = await WaveAsync(http, wall, $"{run}-b", wave, batchCustomers);
            Report($"with {stored:N0} stored", wave, full);
            Console.WriteLine($"ratio: rate with {stored:N0} stored / rate from empty = {full.Rate / empty.Rate:F2}");
            if (!routed)
            {
                Console.WriteLine($"outage, after the last wave: {await IncidentAsync(http)}");
            }

            if (sample is not null)
            {
                var (records, bytes) = await sample.StopAsync();
                // Each new alert is two alert changes (raised, then assigned to an agent) and one new prompt.
                Console.WriteLine($"redis monitor over the last wave: {records:N0} writes of alert and prompt state, {bytes:N0} bytes: {bytes / (double)wave:N0} bytes per new alert, {bytes / (2.0 * wave):N0} per alert change");
            }
        }
        finally
        {
            await wall.DisposeAsync();
            await SetRuleAsync(http, RuleIds.ExperienceDrop, enabled: true);
            await SetRuleAsync(http, RuleIds.TouchpointDegradation, enabled: true);
        }

        return 0;
    }

    public sealed record WaveResult(TimeSpan Posted, TimeSpan Counted, TimeSpan Walled, long Received)
    {
        /// <summary>Waves of equal size compare by this: the inverse of the time until counted.</summary>
        public double Rate => Counted.TotalSeconds > 0 ? 1 / Counted.TotalSeconds : 0;
    }

    private static void Report(string what, int customers, WaveResult result) =>
        Console.WriteLine(
            $"{what}: {customers:N0} alerts posted in {result.Posted.TotalSeconds:F2} s; counted by the API after {result.Counted.TotalSeconds:F2} s " +
            $"({customers / result.Counted.TotalSeconds:N0} alerts/s), on the wall after {result.Walled.TotalSeconds:F2} s " +
            $"({result.Received:N0} received); {(result.Counted - result.Posted).TotalSeconds:F2} s after the last interaction was accepted");

    private static async Task WarmUpAsync(HttpClient http, string prefix, int customers, int batchCustomers)
    {
        var clock = Stopwatch.StartNew();
        // Stamped half an hour ago: the search page's hour of history, the baseline its failure rate is
        // compared with. Without one the degradation rule waits for half the page's traffic to fail
        // (withoutBaseline), which the waves after this much quiet traffic never reach: no incident,
        // and "outage" would measure the routed path.
        foreach (var body in Bodies(prefix, customers, batchCustomers, failing: false, at: DateTimeOffset.UtcNow.AddMinutes(-30)))
        {
            using var response = await IngestHttp.PostAsync(http, body);
            response.EnsureSuccessStatusCode();
        }

        Console.WriteLine($"warm-up without alerts: {customers:N0} customers, 3 successful searches each, posted in {clock.Elapsed.TotalSeconds:F2} s");
    }

    /// <summary>
    /// One successful search for each of a wave's customers, which resolves their alerts; then waits
    /// (up to 2 minutes) until the API lists no alert at all. Returns the alerts still stored: 0
    /// when the silo forgets resolved alerts at once (Alerts:ResolvedKept=0).
    /// </summary>
    private static async Task<long> ResolveAsync(HttpClient http, string prefix, int customers, int batchCustomers)
    {
        var clock = Stopwatch.StartNew();
        foreach (var body in Bodies(prefix, customers, batchCustomers, failing: false, searches: 1, first: 3))
        {
            using var response = await IngestHttp.PostAsync(http, body);
            response.EnsureSuccessStatusCode();
        }

        long stored;
        while ((stored = await StoredAsync(http)) > 0 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(200);
        }

        Console.WriteLine(stored == 0
            ? $"warm-up resolved and forgotten after {clock.Elapsed.TotalSeconds:F2} s: no alert stored"
            : $"warm-up resolved; {stored:N0} customer alerts still stored (start the silo with Alerts__ResolvedKept=0 to measure from an empty book)");
        return stored;
    }

    /// <summary>
    /// Waits (up to a minute) until a Redis-mode silo has checkpointed everything it read
    /// (<c>cxlive_stream_pending</c> at 0 in <c>/metrics</c>; embedded mode has no such line): the
    /// customer states the last wave changed are written, so each timed wave starts from a silo at rest.
    /// </summary>
    private static async Task SettleAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            var metrics = await http.GetStringAsync("metrics");
            var pending = metrics.Split('\n').FirstOrDefault(line => line.StartsWith("cxlive_stream_pending", StringComparison.Ordinal));
            if (pending is null || pending.EndsWith(" 0", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Customers' alerts the API lists, in any state (up to 1,000: enough to tell empty from not; the outage's own alert on the page is not counted).</summary>
    private static async Task<long> StoredAsync(HttpClient http)
    {
        using var response = await http.GetAsync("api/alerts?limit=1000");
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count(a => a?["customerId"] is not null) : -1;
    }

    /// <summary>The open incident on the search page and how many alerts it absorbed, or that there is none.</summary>
    private static async Task<string> IncidentAsync(HttpClient http)
    {
        var incidents = JsonNode.Parse(await http.GetStringAsync("api/incidents?open=true"))!.AsArray();
        return incidents.FirstOrDefault(i => (string?)i?["touchpoint"] == "web/search") is { } incident
            ? $"incident open on web/search, {(long?)incident["absorbedAlerts"]:N0} alerts absorbed"
            : "NO incident on web/search: the alerts take the routed path (desk, prompt, queue)";
    }

    /// <summary>Three searches per customer, 100 customers per request: failing ones make one alert per customer.</summary>
    private static List<byte[]> Bodies(string prefix, int customers, int batchCustomers, bool failing, int searches = 3, int first = 0, DateTimeOffset? at = null)
    {
        var start = at ?? DateTimeOffset.UtcNow.AddMinutes(-2);
        return Enumerable.Range(0, customers).Chunk(batchCustomers).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(
            chunk.SelectMany(n => Enumerable.Range(first, searches).Select(s => new Interaction
            {
                Id = $"{prefix}-{n}-{s}",
                CustomerId = $"rate-{prefix}-{n}",
                Timestamp = start.AddSeconds(s * 10),
                Channel = Channel.Web,
                Touchpoint = "web/search",
                Type = InteractionTypes.Search,
                Score = failing ? 0 : 5,
                Stage = JourneyStage.Research,
            })), CxJson.Options)).ToList();
    }

    private static async Task<WaveResult> WaveAsync(HttpClient http, WallCounter wall, string prefix, int customers, int batchCustomers)
    {
        if (customers == 0)
        {
            return new WaveResult(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);
        }

        var before = await OpenAsync(http);
        while (before < 0)
        {
            await Task.Delay(1000);
            before = await OpenAsync(http);
        }

        var receivedBefore = wall.Received;
        var bodies = Bodies(prefix, customers, batchCustomers, failing: true);

        var clock = Stopwatch.StartNew();
        await IngestHttp.PostAllAsync(http, bodies);
        var posted = clock.Elapsed;
        TimeSpan? counted = null, walled = null;
        while ((counted is null || walled is null) && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            counted ??= await OpenAsync(http) - before >= customers ? clock.Elapsed : null;
            walled ??= wall.Received - receivedBefore >= customers ? clock.Elapsed : null;
            await Task.Delay(100);
        }

        return new WaveResult(posted, counted ?? clock.Elapsed, walled ?? clock.Elapsed, wall.Received - receivedBefore);
    }

    /// <summary>Open alerts as the API counts them; -1 while it cannot answer (the old single book timed out under a flood).</summary>
    private static async Task<long> OpenAsync(HttpClient http)
    {
        using var response = await http.GetAsync("api/alerts/stats");
        if (!response.IsSuccessStatusCode)
        {
            return -1;
        }

        var stats = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["openBySeverity"]!.AsObject();
        return stats.Sum(s => (long)s.Value!);
    }

    private static async Task SetRuleAsync(HttpClient http, string rule, bool enabled)
    {
        using var content = new StringContent($"{{\"enabled\":{(enabled ? "true" : "false")}}}", Encoding.UTF8, "application/json");
        (await http.PutAsync($"api/rules/{rule}", content)).EnsureSuccessStatusCode();
    }

    /// <summary>A wall: one SignalR client subscribed to the wall, counting this run's raises.</summary>
    private sealed class WallCounter(Uri url, string run) : IAsyncDisposable
    {
        private readonly HubConnection _hub = new HubConnectionBuilder().WithUrl(new Uri(url, "hubs/cx")).AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions)).Build();
        private long _received;

        public long Received => Interlocked.Read(ref _received);

        public async Task StartAsync()
        {
            _hub.On<Alert>("alertRaised", alert =>
            {
                if (alert.CustomerId?.StartsWith("rate-" + run, StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref _received);
                }
            });
            await _hub.StartAsync();
            await _hub.InvokeAsync<object>("SubscribeWall", null);
        }

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }

    /// <summary><c>redis-cli monitor</c> while it runs: the writes to alert records (HSET on the old book's key or a partition's) and their bytes.</summary>
    private sealed class Sample
    {
        private readonly Process _monitor;
        private readonly Task<(long Writes, long Bytes)> _reading;

        private Sample(Process monitor)
        {
            _monitor = monitor;
            _reading = Task.Run(async () =>
            {
                var (writes, bytes) = (0L, 0L);
                while (await monitor.StandardOutput.ReadLineAsync() is { } line)
                {
                    // Orleans' whole-state writes run a Lua script (EVALSHA) with the state; records go through HSET.
                    if ((line.Contains("\"HSET\"", StringComparison.OrdinalIgnoreCase) || line.Contains("\"HMSET\"", StringComparison.OrdinalIgnoreCase)) && line.Contains("/records/", StringComparison.Ordinal)
                        || line.Contains("\"EVALSHA\"", StringComparison.OrdinalIgnoreCase) && (line.Contains("alertbook", StringComparison.OrdinalIgnoreCase) || line.Contains("outreachdesk", StringComparison.OrdinalIgnoreCase)))
                    {
                        writes++;
                        bytes += DecodedLength(line[(line.IndexOf(']') + 1)..]);
                    }
                }

                return (writes, bytes);
            });
        }

        public static Sample Start(string redis)
        {
            var (host, port) = redis.Split(':') is [var h, var p] ? (h, p) : (redis, "6379");
            var monitor = Process.Start(new ProcessStartInfo("redis-cli", ["-h", host, "-p", port, "monitor"]) { RedirectStandardOutput = true })!;
            return new Sample(monitor);
        }

        public async Task<(long Writes, long Bytes)> StopAsync()
        {
            await Task.Delay(2000); // the last writes reach the monitor
            _monitor.Kill();
            return await _reading;
        }

        /// <summary>The bytes of a MONITOR line's arguments as sent: quoted strings with \xNN and backslash escapes, one byte each.</summary>
        private static long DecodedLength(string arguments)
        {
            long length = 0;
            var inside = false;
            for (var i = 0; i < arguments.Length; i++)
            {
                var c = arguments[i];
                if (c == '"')
                {
                    inside = !inside;
                }
                else if (inside)
                {
                    length++;
                    if (c == '\\')
                    {
                        i += arguments[i + 1] == 'x' ? 3 : 1;
                    }
                }
            }

            return length;
        }
    }
}
