using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Feed;

/// <summary>An alert that was opened (<see cref="AlertChangeKind.Raised"/>) or changed, in the order it happened.</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertChange")]
public sealed record AlertChange(
    [property: Id(0)] AlertChangeKind Kind,
    [property: Id(1)] Alert Alert);
