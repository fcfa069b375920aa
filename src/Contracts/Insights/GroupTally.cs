using System.Collections.Immutable;

namespace CxLive.Contracts.Insights;

/// <summary>
/// One group's alerts over one UTC day, in a form days add up in: counts, sums of minutes (a mean
/// over a week is not the mean of daily means), the distinct customers, and the newest examples.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.GroupTally")]
public sealed record GroupTally
{
    [Id(0)] public required string Group { get; init; }
    [Id(1)] public required DateOnly Day { get; init; }
    [Id(2)] public int Raised { get; init; }
    [Id(3)] public int Recovered { get; init; }
    [Id(4)] public int Lost { get; init; }
    [Id(5)] public int Acknowledged { get; init; }
    [Id(6)] public double MinutesToAcknowledge { get; init; }
    [Id(7)] public int Resolved { get; init; }
    [Id(8)] public double MinutesToResolve { get; init; }
    [Id(9)] public ImmutableArray<string> Customers { get; init; } = [];
    [Id(10)] public ImmutableArray<CustomerWords> Examples { get; init; } = [];

    /// <summary>Raised that day and not closed yet, when the day tallied.</summary>
    [Id(11)] public int Open { get; init; }

    /// <summary>Customers' alerts closed with nobody knowing how they ended: closed with the outage that absorbed them.</summary>
    [Id(12)] public int OutcomeUnknown { get; init; }

    /// <summary>A touchpoint's own alerts (an outage, a silence: no customer) that closed: it recovered, or someone closed it.</summary>
    [Id(13)] public int Ended { get; init; }
}
