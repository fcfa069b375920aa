namespace CxLive.Contracts.Alerts;

/// <summary>One entry of an alert's history: what changed, when, by whom and why.</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertTransition")]
public sealed record AlertTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] AlertState State,
    [property: Id(2)] string By,
    [property: Id(3)] string Note);
