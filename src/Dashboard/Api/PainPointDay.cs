using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CxLive.Contracts.Insights;

namespace CxLive.Dashboard.Api;

/// <summary>One group's figures over one UTC day of raising.</summary>
public sealed record PainPointDay(DateOnly Day, PainPointFigures Figures)
{
    /// <summary>
    /// The day's newest words, for the CSV's line of the day (JSON gives the group's newest once). An
    /// alert raised just after midnight quotes a search made before it: its words belong to the day the
    /// alert counts for, not to the day they were typed on.
    /// </summary>
    [JsonIgnore]
    public ImmutableArray<CustomerWords> Examples { get; init; } = [];
}
