using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;

namespace CxLive.Tests.Integration.Support;

/// <summary>What integrators send and receive, built the way they would: JSON text over HTTP.</summary>
public static class Wire
{
    public static string Json(object value) => JsonSerializer.Serialize(value, CxJson.Options);

    public static StringContent Body(string text, string mediaType = "application/json") =>
        new(text, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    public static StringContent Body(params Interaction[] interactions) => Body(Json(interactions));

    public static async Task<JsonObject> ReadObject(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> ReadArray(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    /// <summary>A JSON array answer as the contract types, read with CxLive's own JSON conventions.</summary>
    public static async Task<List<T>> ReadList<T>(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<List<T>>(await response.Content.ReadAsStringAsync(), CxJson.Options)!;

    /// <summary>Every item of a paged list (<paramref name="path"/> has a query already), following <c>X-Next-Cursor</c> from page to page.</summary>
    public static async Task<List<T>> AllPagesAsync<T>(HttpClient http, string path)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            var page = await http.GetAsync(path + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.IsSuccessStatusCode, $"GET {path} answered {(int)page.StatusCode}");
            all.AddRange(await ReadList<T>(page));
            cursor = page.Headers.TryGetValues("X-Next-Cursor", out var next) ? next.Single() : null;
        }
        while (cursor is not null);
        return all;
    }
}
