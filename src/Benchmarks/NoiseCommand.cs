using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CxLive.Benchmarks;

/// <summary>
/// How many alerts and prompts each customer costs the people watching (issue 19): the journeys of
/// a recorded simulation (<c>simulate ndjson</c>, with its labels) are posted to a running CxLive in
/// time order, moved so the last happened a minute ago (so every run, of any version, meets the same
/// deadlines), then the cards (customer alerts) and the prompts made are counted per customer. Only
/// the public API is used, so the same command measures an older version for the "before".
/// </summary>
public static class NoiseCommand
{
    public static async Task<int> RunAsync(Uri url, string journeys)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        var lines = File.ReadAllLines(journeys).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var labels = File.ReadAllLines(journeys + ".labels.ndjson").Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
        var affected = labels.Select(l => (string)l["customerId"]!).ToHashSet(StringComparer.Ordinal);
        var customers = lines.Select(l => (string)l["customerId"]!).ToHashSet(StringComparer.Ordinal);

        // Time order, shifted so the last interaction happened a minute ago.
        lines = [.. lines.OrderBy(l => DateTimeOffset.Parse((string)l["timestamp"]!, CultureInfo.InvariantCulture))];
        var shift = DateTimeOffset.UtcNow.AddMinutes(-1) - DateTimeOffset.Parse((string)lines[^1]["timestamp"]!, CultureInfo.InvariantCulture);
        foreach (var line in lines)
        {
            line["timestamp"] = (DateTimeOffset.Parse((string)line["timestamp"]!, CultureInfo.InvariantCulture) + shift).ToString("O", CultureInfo.InvariantCulture);
        }

        foreach (var batch in lines.Chunk(500))
        {
            using var content = new StringContent("[" + string.Join(",", batch.Select(b => b.ToJsonString())) + "]", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/interactions", content);
            response.EnsureSuccessStatusCode();
        }

        // Settled: nothing new for 10 s (alerts are raised as batches land; prompts follow one-way).
        List<JsonNode> alerts = [], prompts = [];
        var (last, quietSince) = (-1, DateTime.UtcNow);
        while (DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            alerts = await PagesAsync(http, "api/alerts?limit=1000");
            prompts = await PromptsAsync(http);
            if (alerts.Count + prompts.Count != last)
            {
                (last, quietSince) = (alerts.Count + prompts.Count, DateTime.UtcNow);
            }
        }

        // Only this file's customers (a server that has seen other traffic keeps its alerts); touchpoint
        // alerts belong to no customer, so a fresh server is the one to count them on.
        var cards = alerts.Where(a => a["customerId"] is { } c && customers.Contains((string)c!)).ToList();
        var incidents = alerts.Count(a => a["customerId"] is null);
        prompts = [.. prompts.Where(p => customers.Contains((string)p["customerId"]!))];
        var cardsOf = cards.GroupBy(a => (string)a["customerId"]!).ToDictionary(g => g.Key, g => g.Count());
        var promptsOf = prompts.GroupBy(p => (string)p["customerId"]!).ToDictionary(g => g.Key, g => g.Count());
        var folded = cards.Sum(a => a["folded"]?.AsArray().Count ?? 0);
        var alerted = affected.Count(c => cardsOf.ContainsKey(c));

        Console.WriteLine($"noise: {lines.Count} interactions of {customers.Count} customers, {labels.Count} injected cases on {affected.Count} of them, posted to {url}");
        Console.WriteLine("| figure | value |");
        Console.WriteLine("| --- | ---: |");
        Row("customer alerts (cards)", cards.Count);
        Row("conditions folded into them", folded);
        Row("touchpoint alerts (outage)", incidents);
        Row("prompts made", prompts.Count);
        Row("affected customers with an alert", $"{alerted} of {affected.Count} ({Percent(alerted, affected.Count)})");
        Row("cards per affected customer", Ratio(affected.Sum(c => cardsOf.GetValueOrDefault(c)), affected.Count));
        Row("prompts per affected customer", Ratio(affected.Sum(c => promptsOf.GetValueOrDefault(c)), affected.Count));
        Row("affected customers with 2+ cards", Percent(affected.Count(c => cardsOf.GetValueOrDefault(c) > 1), affected.Count));
        Row("affected customers with 2+ prompts", Percent(affected.Count(c => promptsOf.GetValueOrDefault(c) > 1), affected.Count));
        Row("most cards for one customer", cardsOf.Count == 0 ? 0 : cardsOf.Values.Max());
        Row("cards for this file's customers nothing was injected for", cardsOf.Where(c => !affected.Contains(c.Key)).Sum(c => c.Value));
        return 0;
    }

    private static void Row(string figure, object value) => Console.WriteLine($"| {figure} | {value} |");

    private static string Ratio(int count, int of) => of == 0 ? "—" : ((double)count / of).ToString("F2", CultureInfo.InvariantCulture);

    private static string Percent(int count, int of) => of == 0 ? "—" : ((double)count / of * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    /// <summary>Every page of a list that pages with <c>X-Next-Cursor</c> (a version that does not page answers everything at once).</summary>
    private static async Task<List<JsonNode>> PagesAsync(HttpClient http, string path)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            using var page = await http.GetAsync(path + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.EnsureSuccessStatusCode();
            all.AddRange((await page.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!));
            cursor = page.Headers.TryGetValues("X-Next-Cursor", out var next) ? next.Single() : null;
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Every prompt made: each agent's, and those no agent took (waiting, or nobody has the skill).</summary>
    private static async Task<List<JsonNode>> PromptsAsync(HttpClient http)
    {
        var agents = (await http.GetFromJsonAsync<JsonArray>("api/agents"))!.Select(a => (string)a!["id"]!).ToList();
        var all = new List<JsonNode>();
        foreach (var agent in agents)
        {
            all.AddRange(await PagesAsync(http, $"api/outreach?agentId={Uri.EscapeDataString(agent)}&limit=1000"));
        }

        all.AddRange(await PagesAsync(http, "api/outreach?limit=1000"));
        return [.. all.DistinctBy(p => (string)p["id"]!)];
    }
}
