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
