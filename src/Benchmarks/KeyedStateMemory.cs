using System.Diagnostics;
using System.Text.Json;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;

namespace CxLive.Benchmarks;

/// <summary>
/// The baseline for memory per customer: what a plain keyed-state job holds for the same
/// traffic — the `ingest` command's interactions, deserialized from JSON in batches of 1,000 with
/// System.Text.Json, and the last 50 of each customer kept in a dictionary of queues (objects on the
/// heap, as a stream processor's heap state backend keeps them). No detection, no runtime, nothing
/// else: its bytes per customer are what holding the timeline alone costs in .NET objects.
/// </summary>
public static class KeyedStateMemory
{
    private const int TimelineCapacity = 50;

    public static int Run(int customers, int events)
    {
        var idleHeap = GC.GetTotalMemory(forceFullCollection: true);
        var idleRss = Process.GetCurrentProcess().WorkingSet64;
        var state = new Dictionary<string, Queue<Interaction>>();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in LoadTraffic.Interactions(customers).Take(events).Chunk(1000))
        {
            var batch = JsonSerializer.Deserialize<List<Interaction>>(JsonSerializer.SerializeToUtf8Bytes(chunk, CxJson.Options), CxJson.Options)!;
            foreach (var interaction in batch)
            {
                if (!state.TryGetValue(interaction.CustomerId, out var timeline))
                {
                    state[interaction.CustomerId] = timeline = new Queue<Interaction>(TimelineCapacity);
                }

                if (timeline.Count == TimelineCapacity)
                {
                    timeline.Dequeue();
                }

                timeline.Enqueue(interaction);
            }
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true) - idleHeap;
        var rss = Process.GetCurrentProcess().WorkingSet64 - idleRss;
        var held = state.Values.Sum(q => (long)q.Count);
        Console.WriteLine(
            $"keyed state: {state.Count} customers, {held} interactions held ({(double)held / state.Count:F1} each) after {events} in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"live heap {heap / 1024.0 / state.Count:F1} KB per customer, RSS {rss / 1024.0 / state.Count:F1} KB per customer (GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")})");
        GC.KeepAlive(state);
        return 0;
    }
}
