namespace CxLive.Contracts.Touchpoints;

/// <summary>Events and failures (failure or abandoned) in a window ending at the newest event seen.</summary>
[GenerateSerializer, Immutable, Alias("cx.WindowCounts")]
public sealed record WindowCounts(
    [property: Id(0)] long Events,
    [property: Id(1)] long Failures)
{
    /// <summary>Failures / events, 0 when there were none.</summary>
    public double FailureRate => Events == 0 ? 0 : (double)Failures / Events;
}
