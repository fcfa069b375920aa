using CxLive.Contracts.Touchpoints;

namespace CxLive.Grains.Touchpoints;

/// <summary>Events and failures of one touchpoint in one minute of event time (minutes since the Unix epoch).</summary>
[GenerateSerializer, Immutable, Alias("cx.MinuteBucket")]
public readonly record struct MinuteBucket(
    [property: Id(0)] long Minute,
    [property: Id(1)] int Events,
    [property: Id(2)] int Failures);
