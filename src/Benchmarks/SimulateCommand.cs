using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Detection;
using CxLive.Simulator;
using StackExchange.Redis;

namespace CxLive.Benchmarks;

/// <summary>
/// The journey simulator from the command line: live traffic at a given rate into CxLive
/// over HTTP or the Redis stream, or a recorded file of journeys (NDJSON, the back-test API's
/// format) with their ground-truth labels beside it.
/// </summary>
public static class SimulateCommand
{
    public sealed record Settings(int Customers, double SessionsPerSecond, int Seconds, int Seed, double BadRate);

    private static JourneyGenerator Generator(Settings s, DateTimeOffset start) => new(
        new SimulatorOptions { Customers = s.Customers, SessionsPerSecond = s.SessionsPerSecond, Seed = s.Seed, BadExperienceRate = s.BadRate, IdPrefix = $"sim{s.Seed}" }, start, CustomerDetectors.Catalogue().BurstExamples);

    /// <summary>Journeys over <see cref="Settings.Seconds"/> of event time, written at once (<see cref="JourneyRecording"/>).</summary>
    public static (int Interactions, int Cases) WriteNdjson(Settings settings, DateTimeOffset start, TextWriter interactions, TextWriter labels) =>
        JourneyRecording.Write(Generator(settings, start), start.AddSeconds(settings.Seconds), interactions, labels);

    /// <summary>Real time: every 200 ms, what happened since goes to CxLive, one request (or one pipeline of XADDs).</summary>
    public static async Task<int> RunLiveAsync(Settings settings, Func<IReadOnlyList<GeneratedInteraction>, Task> send)
    {
        var start = DateTimeOffset.UtcNow;
        var generator = Generator(settings, start);
        var clock = Stopwatch.StartNew();
        long sent = 0, injected = 0;
        while (clock.Elapsed.TotalSeconds < settings.Seconds)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            var ready = generator.Advance(start + clock.Elapsed);
            if (ready.Count > 0)
            {
                await send(ready);
                sent += ready.Count;
                injected += ready.Count(g => g.Injected is not null);
            }
        }

        Console.WriteLine($"simulate: {sent} interactions in {clock.Elapsed.TotalSeconds:F0} s ({sent / clock.Elapsed.TotalSeconds:F0}/s), {injected} of them part of injected bad experiences");
        return 0;
    }

    public static Func<IReadOnlyList<GeneratedInteraction>, Task> OverHttp(Uri url, string? apiKey)
    {
        var http = new HttpClient { BaseAddress = url };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return async ready =>
        {
            using var response = await IngestHttp.PostAsync(http, ready.Select(g => g.Interaction));
            response.EnsureSuccessStatusCode();
        };
    }

    public static async Task<Func<IReadOnlyList<GeneratedInteraction>, Task>> OverRedisAsync(string connection, string stream)
    {
        var db = (await ConnectionMultiplexer.ConnectAsync(connection)).GetDatabase();
        return ready => Task.WhenAll(ready.Select(g => db.StreamAddAsync(stream, "data", JsonSerializer.SerializeToUtf8Bytes(g.Interaction, CxJson.Options))));
    }
}
