using System.Net.Http.Headers;
using System.Text.Json;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Ingestion;
using Microsoft.AspNetCore.Http;

namespace CxLive.Benchmarks;

/// <summary>The ingest API from both ends, as every benchmark speaks it: a client's POST, and a baseline server's read of it.</summary>
public static class IngestHttp
{
    /// <summary>POSTs a JSON body (already serialized, or a value to serialize with CxLive's JSON settings) to <c>api/interactions</c>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await http.PostAsync("api/interactions", content);
    }

    /// <summary>
    /// POSTs every body, <paramref name="inFlight"/> at a time, as an integrator's several app
    /// servers would: one request at a time would time the server's latency per request, not its rate.
    /// </summary>
    public static async Task PostAllAsync(HttpClient http, IReadOnlyList<byte[]> bodies, int inFlight = 4)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < bodies.Count;)
            {
                using var response = await PostAsync(http, bodies[i]);
                response.EnsureSuccessStatusCode();
            }
        }));
    }

    public static Task<HttpResponseMessage> PostAsync<T>(HttpClient http, T value) =>
        PostAsync(http, JsonSerializer.SerializeToUtf8Bytes(value, CxJson.Options));

    /// <summary>For the baseline servers: the request's body through CxLive's own parser.</summary>
    public static async Task<ParsedBatch> ReadAsync(HttpRequest request, IngestionOptions limits)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return BatchParser.ParseJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ItemRules.At(DateTimeOffset.UtcNow, limits), limits.MaxItemsPerRequest);
    }
}
