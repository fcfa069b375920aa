namespace CxLive.Agents;

/// <summary>The prompts waiting for an agent with room, in the order they came.</summary>
[GenerateSerializer, Alias("cx.OutreachQueueState")]
public sealed class OutreachQueueState
{
    [Id(0)] public List<QueuedPrompt> Waiting { get; set; } = [];
}
