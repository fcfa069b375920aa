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
}
