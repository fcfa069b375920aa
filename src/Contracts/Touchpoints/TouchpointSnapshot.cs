namespace CxLive.Contracts.Touchpoints;

/// <summary>Rolling counts of one touchpoint for <c>GET /api/touchpoints/{id}</c>. Windows use event time.</summary>
[GenerateSerializer, Immutable, Alias("cx.TouchpointSnapshot")]
public sealed record TouchpointSnapshot
{
    [Id(0)] public required string Touchpoint { get; init; }
    [Id(1)] public required long Total { get; init; }
    [Id(2)] public required long Failures { get; init; }
    [Id(3)] public required WindowCounts Last5Minutes { get; init; }
    [Id(4)] public required WindowCounts LastHour { get; init; }
    [Id(5)] public DateTimeOffset? LastSeen { get; init; }
}
