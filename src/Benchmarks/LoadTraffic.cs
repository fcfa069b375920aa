using CxLive.Journeys;

namespace CxLive.Benchmarks;

/// <summary>Ordinary browsing traffic for load runs: unique ids, customers drawn at random from a pool, 20 touchpoints.</summary>
public static class LoadTraffic
{
    private static readonly string[] Types =
        [InteractionTypes.PageView, InteractionTypes.Search, InteractionTypes.ProductView, InteractionTypes.AddToCart];

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
