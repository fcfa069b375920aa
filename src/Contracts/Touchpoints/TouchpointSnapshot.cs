namespace CxLive.Touchpoints;

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

/// <summary>Events and failures (failure or abandoned) in a window ending at the newest event seen.</summary>
[GenerateSerializer, Immutable, Alias("cx.WindowCounts")]
public sealed record WindowCounts(
    [property: Id(0)] long Events,
    [property: Id(1)] long Failures)
{
    /// <summary>Failures / events, 0 when there were none.</summary>
    public double FailureRate => Events == 0 ? 0 : (double)Failures / Events;
}
