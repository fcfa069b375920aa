using System.Diagnostics;
using System.Text.Json;
using CxLive.Contracts.Serialization;
using StackExchange.Redis;

namespace CxLive.Benchmarks;

/// <summary>
/// Redis mode, end to end: appends events to the stream as an integrator would (pipelined XADDs),
/// or posts them over HTTP, and times until CxLive's consumer group has read and acknowledged
/// every one (so the grains have written their state). Counts every Redis command the server ran
/// meanwhile, to report commands per ingested event.
/// </summary>
public static class StreamLoad
{
    public const string Group = "cxlive";

    public static async Task<int> RunAsync(string redis, string stream, int customers, int events)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var db = connection.GetDatabase();
        var entries = LoadTraffic.Interactions(customers).Take(events).Select(i => JsonSerializer.SerializeToUtf8Bytes(i, CxJson.Options)).ToList();

        await WarmUpAsync(db, stream, customers);
        var before = await CommandsAsync(connection);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in entries.Chunk(1000))
        {
            await Task.WhenAll(chunk.Select(e => db.StreamAddAsync(stream, "data", e)));
        }

        var appended = clock.Elapsed;
        await DrainedAsync(db, stream);
        var drained = clock.Elapsed;
        var commands = await CommandsAsync(connection) - before;

        Console.WriteLine($"stream: {events} events, {customers} customers: appended in {appended.TotalSeconds:F2} s ({events / appended.TotalSeconds:F0}/s); " +
            $"ingested and acknowledged in {drained.TotalSeconds:F2} s = {events / drained.TotalSeconds:F0} events/s");
        Report(commands, events, producerCommands: events);
        return 0;
    }

    /// <summary>After an HTTP load run against a Redis-mode silo: waits for the stream to drain and reports commands per event.</summary>
    public static async Task<(long Commands, TimeSpan Drain)> MeasureAsync(string redis, string stream, Func<Task> load)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var before = await CommandsAsync(connection);
        var clock = Stopwatch.StartNew();
        await load();
        await DrainedAsync(connection.GetDatabase(), stream);
        return (await CommandsAsync(connection) - before, clock.Elapsed);
    }

    public static void Report(long commands, long events, long producerCommands) =>
        Console.WriteLine($"redis: {commands} commands = {commands / (double)events:F3} per event " +
            $"({producerCommands / (double)events:F3} to append, {(commands - producerCommands) / (double)events:F3} to consume, persist and acknowledge)");

    private static async Task WarmUpAsync(IDatabase db, string stream, int customers)
    {
        // Activates the customer pool first, so the run measures warm grains like the HTTP benchmark does.
        foreach (var chunk in LoadTraffic.Interactions(customers).Take(customers * 2).Chunk(1000))
        {
            await Task.WhenAll(chunk.Select(i => db.StreamAddAsync(stream, "data", JsonSerializer.SerializeToUtf8Bytes(i, CxJson.Options))));
        }

        await DrainedAsync(db, stream);
    }

    private static async Task DrainedAsync(IDatabase db, string stream)
    {
        while ((await db.StreamGroupInfoAsync(stream)).SingleOrDefault(g => g.Name == Group) is not { PendingMessageCount: 0, Lag: 0 })
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Commands the server has run so far (INFO stats total_commands_processed).</summary>
    private static async Task<long> CommandsAsync(IConnectionMultiplexer connection)
    {
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var stats = await server.InfoAsync("stats");
        return long.Parse(stats.SelectMany(g => g).Single(p => p.Key == "total_commands_processed").Value);
    }
}
