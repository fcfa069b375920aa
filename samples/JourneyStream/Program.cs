// Streams simulated customer journeys into CxLive with CxLive.Client, as an integrator's service would.
//
//   dotnet run --project samples/JourneyStream -- --url http://localhost:5080/ [--api-key KEY] [--customers 50] [--seconds 60]
//   dotnet run --project samples/JourneyStream -- --redis localhost:6379      (Redis mode: XADD to cxlive:interactions)
//
// Most journeys go well; some customers search in vain, wait too long on the phone, complain, or get
// pushed too often, so CxLive's wall shows alerts within seconds. Ctrl+C stops; whatever is still
// queued is sent before the program ends.
using CxLive.Client;

var settings = Arguments(args);
var options = new CxLiveClientOptions
{
    BaseAddress = new Uri(settings.GetValueOrDefault("url", "http://localhost:5080/")),
    ApiKey = settings.GetValueOrDefault("api-key"),
    Transport = settings.ContainsKey("redis") ? CxTransportKind.Redis : CxTransportKind.Http,
    RedisConfiguration = settings.GetValueOrDefault("redis"),
};
var customers = int.Parse(settings.GetValueOrDefault("customers", "50"));
var seconds = int.Parse(settings.GetValueOrDefault("seconds", "60"));

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using (var client = CxLiveClient.Create(options))
{
    client.Rejected += r => Console.WriteLine($"refused {r.Interaction.Id}: {string.Join("; ", r.Errors)}");
    client.BatchFailed += f => Console.WriteLine($"gave up {f.Interactions.Count} interactions: {f.Error.Message}");
    client.Retrying += r => Console.WriteLine($"try {r.Attempt} failed ({r.Reason}); again in {r.Delay.TotalSeconds:0.0} s");

    var random = new Random(7);
    var journeys = Enumerable.Range(1, customers).Select(n => StreamJourneysAsync(client, $"sample-{n:D4}", random.Next(), stop.Token));
    try
    {
        await Task.WhenAll(journeys);
    }
    catch (OperationCanceledException)
    {
        // time is up, or Ctrl+C
    }

    Console.WriteLine("sending what is still queued...");
    await client.FlushAsync();
    Console.WriteLine($"accepted {client.Accepted}, duplicates {client.Duplicates}, refused {client.RejectedCount}, given up {client.Failed}");
}

static async Task StreamJourneysAsync(CxLiveClient client, string customer, int seed, CancellationToken stop)
{
    var random = new Random(seed);
    while (!stop.IsCancellationRequested)
    {
        foreach (var step in Journey(customer, random))
        {
            await client.EnqueueAsync(step with { Timestamp = DateTimeOffset.UtcNow }, stop);
            await Task.Delay(random.Next(200, 1500), stop);
        }
    }
}

// One journey: what the customer does, step by step (timestamps are set as each step happens).
static IEnumerable<CxInteraction> Journey(string customer, Random random)
{
    CxInteraction Step(CxChannel channel, string touchpoint, string type, CxStage stage, CxOutcome outcome = CxOutcome.Success, double? score = null, Dictionary<string, string>? attributes = null, string? caseId = null) =>
        new() { CustomerId = customer, Timestamp = DateTimeOffset.UtcNow, Channel = channel, Touchpoint = touchpoint, Type = type, Stage = stage, Outcome = outcome, Score = score, Attributes = attributes, CaseId = caseId };

    switch (random.Next(10))
    {
        case 0: // searches that find nothing
            foreach (var query in new[] { "red running shoes 42", "red running shoe", "running shoes red" })
            {
                yield return Step(CxChannel.Web, "web/search", CxTypes.Search, CxStage.Research, score: 0, attributes: new() { ["query"] = query });
            }

            break;
        case 1: // a long wait on the phone
            yield return Step(CxChannel.CallCenter, "call-center/billing-queue", CxTypes.QueueWait, CxStage.Service, score: 900);
            break;
        case 2: // a complaint on social media
            yield return Step(CxChannel.Social, "social/weibo", CxTypes.Complaint, CxStage.Share, caseId: $"case-{customer}-{random.Next(1000)}");
            break;
        case 3: // too many pushes
            for (var i = 0; i < 6; i++)
            {
                yield return Step(CxChannel.Push, "push/promotions", CxTypes.PushSent, CxStage.Discover);
            }

            break;
        default: // a purchase that goes well
            yield return Step(CxChannel.App, "app/home", CxTypes.PageView, CxStage.Discover);
            yield return Step(CxChannel.App, "app/search", CxTypes.Search, CxStage.Research, score: random.Next(1, 40), attributes: new() { ["query"] = "rice cooker" });
            yield return Step(CxChannel.App, "app/product", CxTypes.ProductView, CxStage.Research);
            yield return Step(CxChannel.App, "app/cart", CxTypes.AddToCart, CxStage.Purchase);
            yield return Step(CxChannel.App, "app/checkout", CxTypes.Payment, CxStage.Purchase);
            yield return Step(CxChannel.App, "app/checkout", CxTypes.OrderPlaced, CxStage.Purchase);
            break;
    }
}

static Dictionary<string, string> Arguments(string[] args)
{
    var settings = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        settings[args[i].TrimStart('-')] = args[i + 1];
    }

    return settings;
}
