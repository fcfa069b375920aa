using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using Orleans.Concurrency;

namespace CxLive.Contracts.Agents;

/// <summary>
/// The one queue of prompts no agent had room for, across every partition (key 0): when an agent's
/// slot frees, the most severe, then oldest, prompt they have the skill for goes to them.
/// </summary>
[Alias("CxLive.Agents.IOutreachQueueGrain")]
public interface IOutreachQueueGrain : IGrainWithIntegerKey
{
    /// <summary>One-way: a desk could not place this prompt.</summary>
    [OneWay]
    Task WaitAsync(QueuedPrompt prompt);

    /// <summary>One-way: the agent has a free slot.</summary>
    [OneWay]
    Task SlotFreedAsync(string agentId);

    Task<int> CountAsync();
}

/// <summary>A prompt waiting in the queue: enough to order it and find its desk.</summary>
[GenerateSerializer, Immutable, Alias("cx.QueuedPrompt")]
public sealed record QueuedPrompt(
    [property: Id(0)] string PromptId,
    [property: Id(1)] int Partition,
    [property: Id(2)] Severity Severity,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] Channel Channel);

/// <summary>What a desk did with a queued prompt it was asked to hand to an agent.</summary>
public enum QueuedHandOut
{
    Assigned,

    /// <summary>Reported, withdrawn, gone stale or already placed: the queue forgets it.</summary>
    Gone,

    /// <summary>The agent's slot was taken meanwhile.</summary>
    Full,
}
