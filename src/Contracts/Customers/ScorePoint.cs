namespace CxLive.Contracts.Customers;

/// <summary>The experience score right after one interaction (event time).</summary>
[GenerateSerializer, Immutable, Alias("cx.ScorePoint")]
public sealed record ScorePoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Score,
    [property: Id(2)] string InteractionId,
    [property: Id(3)] string Type);
