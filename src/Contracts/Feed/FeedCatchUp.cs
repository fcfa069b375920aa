using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Feed;

/// <summary>
/// What changed in one alert partition after a sequence number, as the partition has it now: every
/// alert and incident whose latest change is numbered above <c>after</c>, in sequence order. A
/// change that a later one superseded is not repeated; the later one stands for both.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.FeedCatchUp")]
public sealed record FeedCatchUp
{
    [Id(0)] public ImmutableArray<Alert> Alerts { get; init; } = [];
    [Id(1)] public ImmutableArray<Incident> Incidents { get; init; } = [];

    /// <summary>Complete up to this number: a caller that has applied the answer has seen every change up to it.</summary>
    [Id(2)] public long Head { get; init; }

    /// <summary>The answer stopped at its limit: ask again after <see cref="Head"/> for the rest.</summary>
    [Id(3)] public bool More { get; init; }
}
