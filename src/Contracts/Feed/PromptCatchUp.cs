using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Feed;

/// <summary>What <see cref="FeedCatchUp"/> is for alerts, for one outreach desk's prompts (their own sequence, see <see cref="OutreachPrompt.Sequence"/>).</summary>
[GenerateSerializer, Immutable, Alias("cx.PromptCatchUp")]
public sealed record PromptCatchUp
{
    [Id(0)] public ImmutableArray<OutreachPrompt> Prompts { get; init; } = [];
    [Id(1)] public long Head { get; init; }
    [Id(2)] public bool More { get; init; }
}
