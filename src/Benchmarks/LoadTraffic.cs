using CxLive.Contracts.Journeys;

namespace CxLive.Benchmarks;

/// <summary>Ordinary browsing traffic for load runs: unique ids, customers drawn at random from a pool, 20 touchpoints.</summary>
public static class LoadTraffic
{
    private static readonly string[] Types =
        [InteractionTypes.PageView, InteractionTypes.Search, InteractionTypes.ProductView, InteractionTypes.AddToCart];

    /// <summary>A survey answer of NPS 1: the detractor rule raises an alert on it at once, so it marks a moment to time.</summary>
    public static Interaction Detractor(string customerId, string id, string touchpoint) => new()
    {
        Id = id,
        CustomerId = customerId,
        Timestamp = DateTimeOffset.UtcNow.AddSeconds(-1),
        Channel = Channel.Survey,
        Touchpoint = touchpoint,
        Type = InteractionTypes.Survey,
        Score = 1,
        Attributes = new() { ["scale"] = "nps" },
    };

    public static IEnumerable<Interaction> Interactions(int customers)
    {
        var random = new Random(1);
        var run = Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var sequence = 0L; ; sequence++)
        {
            yield return new Interaction
            {
                Id = $"{run}-{sequence}",
                CustomerId = $"load-{random.Next(customers)}",
                Timestamp = at,
                Channel = Channel.Web,
                Touchpoint = $"web/page-{random.Next(20)}",
                Type = Types[random.Next(Types.Length)],
                Score = random.Next(0, 20),
            };
        }
    }
}
