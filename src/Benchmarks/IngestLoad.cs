using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;

namespace CxLive.Benchmarks;

/// <summary>
/// Sustained HTTP ingest: builds every request body first (unique ids, customers drawn at random
/// from a pool), then sends them from several connections as fast as CxLive answers, and reports
/// accepted events per second. The first three bodies warm up and are not counted.
/// </summary>
public static class IngestLoad
{
    public static async Task<int> RunAsync(Uri url, int customers, int batches, int batchSize, int concurrency)
    {
        var bodies = BuildBodies(customers, batches + 3, batchSize);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = url };
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(http, bodies[i]);
        }

        var next = 3;
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var b = Interlocked.Increment(ref next) - 1; b < bodies.Length; b = Interlocked.Increment(ref next) - 1)
            {
                Interlocked.Add(ref accepted, await SendAsync(http, bodies[b]));
            }
        }));
        clock.Stop();

        Console.WriteLine(
            $"ingest: customers={customers} batch={batchSize} connections={concurrency}: {accepted} events in {clock.Elapsed.TotalSeconds:F2} s = {accepted / clock.Elapsed.TotalSeconds:F0} events/s");
        return 0;
    }

    private static byte[][] BuildBodies(int customers, int batches, int batchSize)
    {
        var traffic = LoadTraffic.Interactions(customers).GetEnumerator();
        return [.. Enumerable.Range(0, batches).Select(_ => JsonSerializer.SerializeToUtf8Bytes(
            Enumerable.Range(0, batchSize).Select(_ => traffic.MoveNext() ? traffic.Current : throw new InvalidOperationException()).ToArray(),
            CxJson.Options))];
    }

    private static async Task<int> SendAsync(HttpClient http, byte[] body)
    {
        using var response = await IngestHttp.PostAsync(http, body);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }

        return (int)JsonNode.Parse(text)!["accepted"]!;
    }
}
