using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using StackExchange.Redis;

namespace CxLive.Tests.Integration.Support;

/// <summary>What an integrator does on the Redis side, and what a test reads back over the API.</summary>
public static class StreamTraffic
{
    public const string Group = "cxlive";

    /// <summary><c>XADD stream * data '&lt;interaction json&gt;'</c> for each, pipelined.</summary>
    public static Task AddAsync(IDatabase db, string stream, IEnumerable<Interaction> interactions) =>
        Task.WhenAll(interactions.Select(i => db.StreamAddAsync(stream, "data", Wire.Json(i))));

    /// <summary>Waits until the consumer group has read every entry and acknowledged all it read.</summary>
    public static Task DrainedAsync(IDatabase db, string stream, TimeSpan timeout) =>
        Eventually.TrueAsync(
            async () => (await db.StreamGroupInfoAsync(stream)).SingleOrDefault(g => g.Name == Group) is { PendingMessageCount: 0, Lag: 0 },
            timeout,
            $"group '{Group}' to read and acknowledge every entry of {stream}");

    /// <summary>Waits until a silo has recorded <paramref name="customerId"/> (404 till then), and answers how many interactions they have.</summary>
    public static Task<long> FirstRecordedAsync(HttpClient http, string customerId, string what) =>
        Eventually.ResultAsync(
            async () => await http.GetAsync($"api/customers/{Uri.EscapeDataString(customerId)}") is { StatusCode: System.Net.HttpStatusCode.OK } answer
                ? JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["interactionCount"]!.GetValue<long>()
                : 0,
            n => n > 0,
            TimeSpan.FromSeconds(60),
            what);

    public static async Task<long> InteractionCountAsync(HttpClient http, string customerId)
    {
        var customer = await http.GetFromJsonAsync<JsonObject>($"api/customers/{Uri.EscapeDataString(customerId)}");
        return customer!["interactionCount"]!.GetValue<long>();
    }

    public static async Task<long> TouchpointTotalAsync(HttpClient http, string touchpoint)
    {
        var snapshot = await http.GetFromJsonAsync<JsonObject>($"api/touchpoints/{touchpoint}");
        return snapshot!["total"]!.GetValue<long>();
    }

    public static async Task<JsonArray> AlertsAsync(HttpClient http, string query = "") =>
        (await http.GetFromJsonAsync<JsonArray>($"api/alerts?limit=1000{query}"))!;
}
