using Orleans.Concurrency;

namespace CxLive.Contracts.Agents;

/// <summary>
/// One agent's pending prompts over every outreach desk (key: the agent's id): desks are per
/// partition, an agent's capacity is not, so each desk takes a slot here before it hands a prompt
/// out and gives it back when the prompt is reported, withdrawn or has gone stale.
/// </summary>
[Alias("CxLive.Agents.IAgentLoadGrain")]
public interface IAgentLoadGrain : IGrainWithStringKey
{
    Task<int> PendingAsync();

    /// <summary>Takes a slot for the prompt if fewer than <paramref name="capacity"/> are taken (taking one already held is true).</summary>
    Task<bool> TryTakeAsync(string promptId, int capacity);

    /// <summary>Gives the prompt's slot back; the queue hands the agent the next prompt waiting for them.</summary>
    Task ReleaseAsync(string promptId);
}
