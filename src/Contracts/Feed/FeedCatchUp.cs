using System.Collections.Immutable;
using CxLive.Agents;
using CxLive.Alerts;

namespace CxLive.Feed;

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

/// <summary>The same for one outreach desk's prompts (their own sequence, see <see cref="OutreachPrompt.Sequence"/>).</summary>
[GenerateSerializer, Immutable, Alias("cx.PromptCatchUp")]
public sealed record PromptCatchUp
{
    [Id(0)] public ImmutableArray<OutreachPrompt> Prompts { get; init; } = [];
    [Id(1)] public long Head { get; init; }
    [Id(2)] public bool More { get; init; }
}

/// <summary>How far a partition has published: its book's last alert or incident change and its desk's last prompt change.</summary>
[GenerateSerializer, Immutable, Alias("cx.FeedHeads")]
public readonly record struct FeedHeads([property: Id(0)] long Book, [property: Id(1)] long Desk);
