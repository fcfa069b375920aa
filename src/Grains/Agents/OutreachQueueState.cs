using CxLive.Contracts.Agents;

namespace CxLive.Grains.Agents;

/// <summary>The queue as an earlier version stored it, one list in the grain's state; read once, moved to records (<see cref="OutreachQueueGrain"/>).</summary>
[GenerateSerializer, Alias("cx.OutreachQueueState")]
public sealed class OutreachQueueState
{
    [Id(0)] public List<QueuedPrompt> Waiting { get; set; } = [];
}
