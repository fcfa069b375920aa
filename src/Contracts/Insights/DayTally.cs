using System.Collections.Immutable;

namespace CxLive.Contracts.Insights;

/// <summary>One day's groups, and the alerts of the day that were only counted (over <c>Insights:AlertsPerDay</c>).</summary>
[GenerateSerializer, Immutable, Alias("cx.DayTally")]
public sealed record DayTally(
    [property: Id(0)] ImmutableArray<GroupTally> Groups,
    [property: Id(1)] int Omitted);
