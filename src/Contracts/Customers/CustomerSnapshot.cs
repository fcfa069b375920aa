using System.Collections.Immutable;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Customers;

/// <summary>The live picture of one customer for <c>GET /api/customers/{id}</c> and the agent console.</summary>
[GenerateSerializer, Immutable, Alias("cx.CustomerSnapshot")]
public sealed record CustomerSnapshot
{
    [Id(0)] public required string CustomerId { get; init; }
    [Id(1)] public required long InteractionCount { get; init; }
    [Id(2)] public DateTimeOffset? FirstSeen { get; init; }
    [Id(3)] public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Counts per channel and per journey stage, over every interaction ever recorded.</summary>
    [Id(4)] public required ImmutableDictionary<Channel, long> ByChannel { get; init; }
    [Id(5)] public required ImmutableDictionary<JourneyStage, long> ByStage { get; init; }

    /// <summary>The most recent interactions across every channel, newest first.</summary>
    [Id(6)] public required ImmutableArray<Interaction> Timeline { get; init; }

    /// <summary>Peak-end experience score, 0 (awful) to 100 (delightful), as remembered now; 50 is neutral.</summary>
    [Id(7)] public double ExperienceScore { get; init; } = 50;
}
