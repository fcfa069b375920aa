using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace CxLive.Benchmarks;

/// <summary>
/// A soak: simulator traffic at a steady rate into a running CxLive for a given time, sampling every
/// so often what would grow if something leaked: the process's RSS and GC heap and active grains
/// (from its <c>/metrics</c>), Redis's memory and keys, the stream lag, and the prompts waiting in
/// agents' queues. One table row per sample, so the figures can go straight into docs/benchmark-log.md.
/// </summary>
public static class Soak
{
    public static async Task<int> RunAsync(Uri url, TimeSpan duration, double sessionsPerSecond, int customers, TimeSpan every, string? redis)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        IDatabase? db = null;
        IServer? server = null;
        if (redis is not null)
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
            db = connection.GetDatabase();
            server = connection.GetServer(connection.GetEndPoints()[0]);
        }

        var settings = new SimulateCommand.Settings(customers, sessionsPerSecond, (int)duration.TotalSeconds, 42, 0.3);
        var traffic = SimulateCommand.RunLiveAsync(settings, SimulateCommand.OverHttp(url, null));
        Console.WriteLine($"soak: {sessionsPerSecond} sessions/s over {customers} customers for {duration}, a sample every {every}");
        Console.WriteLine("| minute | RSS MB | GC heap MB | active grains | Redis MB | Redis keys | stream lag | prompts pending |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var clock = Stopwatch.StartNew();
        while (!traffic.IsCompleted)
        {
            await Task.WhenAny(traffic, Task.Delay(every));
            try
            {
                Console.WriteLine(await SampleAsync(http, db, server, clock.Elapsed));
            }
            catch (Exception e) when (e is HttpRequestException or RedisException or TaskCanceledException)
            {
                Console.WriteLine($"| {clock.Elapsed.TotalMinutes:0.0} | sample failed: {e.Message} |");
            }
        }

        return await traffic;
    }

    private static async Task<string> SampleAsync(HttpClient http, IDatabase? db, IServer? server, TimeSpan at)
    {
        var metrics = await http.GetStringAsync("metrics");
        var agents = await http.GetFromJsonAsync<JsonArray>("api/agents") ?? [];
        var pending = agents.Sum(a => a?["pending"]?.GetValue<int>() ?? 0);
        string redisMb = "-", keys = "-";
        if (db is not null && server is not null)
        {
            var memory = (await server.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value;
            redisMb = (long.Parse(memory, CultureInfo.InvariantCulture) / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
            keys = (await server.DatabaseSizeAsync()).ToString(CultureInfo.InvariantCulture);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"| {at.TotalMinutes:0.0} | {Sum(metrics, "process_memory_usage_bytes") / 1e6:0} | {Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes") / 1e6:0} | {Sum(metrics, "cxlive_grains_active"):0} | {redisMb} | {keys} | {Text(metrics, "cxlive_stream_lag")} | {pending} |");
    }

    /// <summary>The sum of every series of a Prometheus metric (0 when absent).</summary>
    private static double Sum(string metrics, string name) => Series(metrics, name).Sum();

    private static string Text(string metrics, string name) => Series(metrics, name).ToList() is [var v, ..] ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    /// <summary>Values of <c>name value</c> and <c>name{labels} value</c> lines (a timestamp after the value is ignored).</summary>
    private static IEnumerable<double> Series(string metrics, string name)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || (line[name.Length] != ' ' && line[name.Length] != '{'))
            {
                continue;
            }

            var rest = line[name.Length] == '{' ? line[(line.IndexOf('}') + 1)..] : line[name.Length..];
            yield return double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
    }
}
