using CxLive.Contracts.Agents;

namespace CxLive.Grains.Agents;

/// <summary>The prompts an agent holds now, whichever desk made them.</summary>
[GenerateSerializer, Alias("cx.AgentLoadState")]
public sealed class AgentLoadState
{
    [Id(0)] public HashSet<string> Prompts { get; set; } = new(StringComparer.Ordinal);
}
