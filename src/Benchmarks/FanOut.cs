using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxLive.Benchmarks;

/// <summary>
/// Alerts delivered to many wall clients: N SignalR clients subscribe to the wall, then
/// detractor surveys of distinct customers (one alert each) are posted as fast as the server takes
/// them, four requests at a time; the time runs from the first POST until every client has every <c>alertRaised</c>.
/// <see cref="RunBareHubAsync"/> is the baseline: a bare hub at the same paths that parses the same
/// POST and broadcasts an alert of the same shape per detractor survey in it, nothing else. It is
/// also the baseline of <see cref="LatencyLoad"/>, whose probes are detractor surveys among ordinary
/// traffic: the bare hub's latency is what HTTP, parsing and SignalR alone cost on this machine.
/// </summary>
public static class FanOut
{
    /// <summary>
    /// Connects the clients, posts <paramref name="warmUp"/> alerts untimed (a fresh process is still
    /// compiling its hot code to its last tier for the first tens of thousands of alerts, and the
    /// bare hub gets the same warm-up), then times <paramref name="runs"/> runs of
    /// <paramref name="alerts"/> and prints each and their median.
    /// </summary>
    public static async Task<int> RunAsync(Uri url, int clients, int alerts, int runs = 3, int warmUp = 20_000)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var received = 0L;
        var expected = long.MaxValue;
        var counting = "-"; // the customer id prefix of the run being timed
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = new List<HubConnection>();
        for (var i = 0; i < clients; i++)
        {
            var hub = new HubConnectionBuilder().WithUrl(new Uri(url, "hubs/cx")).AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions)).Build();
            hub.On<Alert>("alertRaised", alert =>
            {
                if (alert.CustomerId?.StartsWith(Volatile.Read(ref counting), StringComparison.Ordinal) == true && Interlocked.Increment(ref received) == Interlocked.Read(ref expected))
                {
                    done.TrySetResult();
                }
            });
            await hub.StartAsync();
            await hub.InvokeAsync<object>("SubscribeWall", null);
            connections.Add(hub);
        }

        using var http = new HttpClient { BaseAddress = url };
        if (warmUp > 0)
        {
            var warm = Stopwatch.StartNew();
            await IngestHttp.PostAllAsync(http, Bodies($"{run}w", warmUp));
            Console.WriteLine($"warm-up: {warmUp:N0} alerts posted in {warm.Elapsed.TotalSeconds:F2} s (untimed)");
        }

        var rates = new List<double>();
        var failed = false;
        for (var r = 0; r < runs; r++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2)); // the warm-up's or the last run's pushes drain
            var bodies = Bodies($"{run}-{r}", alerts);
            Interlocked.Exchange(ref received, 0);
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref counting, $"fan-{run}-{r}-");
            Interlocked.Exchange(ref expected, (long)clients * alerts);
            var clock = Stopwatch.StartNew();
            await IngestHttp.PostAllAsync(http, bodies);
            var finished = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(2))) == done.Task;
            clock.Stop();
            failed |= !finished;
            rates.Add(alerts / clock.Elapsed.TotalSeconds);
            Console.WriteLine(
                $"fan-out: {clients} clients, {alerts} alerts: {Interlocked.Read(ref received)} of {clients * (long)alerts} deliveries in {clock.Elapsed.TotalSeconds:F2} s = " +
                $"{alerts / clock.Elapsed.TotalSeconds:F0} alerts/s, {Interlocked.Read(ref received) / clock.Elapsed.TotalSeconds:F0} deliveries/s{(finished ? "" : " (timed out)")}");
            Interlocked.Exchange(ref expected, long.MaxValue);
        }

        rates.Sort();
        Console.WriteLine($"fan-out: {clients} clients, median of {runs}: {rates[rates.Count / 2]:F0} alerts/s");
        foreach (var hub in connections)
        {
            await hub.DisposeAsync();
        }

        return failed ? 1 : 0;

        // Customers "fan-{run}-{r}-{n}" for run r, "fan-{run}w-{n}" for the warm-up: each run counts only its own.
        List<byte[]> Bodies(string prefix, int count) => [.. Enumerable.Range(0, count).Chunk(500).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(
            chunk.Select(n => LoadTraffic.Detractor($"fan-{prefix}-{n}", $"fan-{prefix}-{n}", "survey/fan-out")), CxJson.Options))];
    }

    public static async Task<int> RunBareHubAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddSignalR().AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions));
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/cx");
        var limits = new IngestionOptions();
        app.MapPost("/api/interactions", async (HttpRequest request, IHubContext<BareHub> hub) =>
        {
            var batch = await IngestHttp.ReadAsync(request, limits);
            foreach (var interaction in batch.Valid)
            {
                if (interaction is { Type: InteractionTypes.Survey, Score: <= 6.0 })
                {
                    await hub.Clients.Group("wall").SendAsync("alertRaised", AlertLike(interaction));
                }
            }

            return Results.Json(new { accepted = batch.Valid.Count, duplicates = 0 }, statusCode: StatusCodes.Status202Accepted);
        });
        Console.WriteLine($"bare hub: {url}/hubs/cx, POST {url}/api/interactions broadcasts one alert per detractor survey; Ctrl+C to stop");
        await app.RunAsync();
        return 0;
    }

    /// <summary>An alert of the size and shape CxLive sends for a detractor.</summary>
    private static Alert AlertLike(Interaction interaction) => new()
    {
        Id = interaction.Id,
        RuleId = "detractor",
        Severity = Severity.Warning,
        State = AlertState.Open,
        CustomerId = interaction.CustomerId,
        Touchpoint = interaction.Touchpoint,
        Stage = JourneyStage.Share,
        Title = "Detractor: NPS 1",
        Detail = $"Answered NPS 1 on {interaction.Touchpoint}.",
        Evidence = [interaction.Id],
        RaisedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Fingerprint = "detractor|customer:" + interaction.CustomerId,
        History = [new AlertTransition(DateTimeOffset.UtcNow, AlertState.Open, "rule:detractor", "Detractor: NPS 1")],
        SuggestedAction = new SuggestedAction(Channel.CallCenter, "Thank you for your honest feedback. I'd like to understand what went wrong and put it right.", "Reach out soon, while the answer is fresh; listen first, then agree on a fix. Record the outcome."),
        Translations = AlertLanguages.InChinese(new AlertText("贬损者：NPS 1", $"在 {interaction.Touchpoint} 打分 NPS 1。", "感谢您坦诚的反馈。我想了解哪里出了问题，并为您解决。", "趁反馈还新鲜，尽快联系客户；先倾听，再商定解决办法。记录结果。")),
    };

    private sealed class BareHub : Hub
    {
        /// <summary>Takes the feed position CxLive's clients send (ignored: a bare hub keeps no history).</summary>
        public Task SubscribeWall(object? after) => Groups.AddToGroupAsync(Context.ConnectionId, "wall");
    }
}
