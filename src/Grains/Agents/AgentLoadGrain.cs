using CxLive.Contracts.Agents;
using CxLive.Contracts.Grains;
using CxLive.Grains.Storage;

namespace CxLive.Grains.Agents;

/// <summary>
/// An agent's load across every desk. Written on each change (an agent holds a handful of prompts,
/// and a slot lost in a restart would let a desk hand out one too many). When a slot frees,
/// the queue is told one-way, so the prompts waiting there are handed out as agents report.
/// </summary>
[GrainType("agentload")] // the name Orleans gave it: its stored state keeps its key
public sealed class AgentLoadGrain(
    [PersistentState("agent-load", StorageNames.State)] IPersistentState<AgentLoadState> state) : Grain, IAgentLoadGrain
{
    public Task<int> PendingAsync() => Task.FromResult(state.State.Prompts.Count);

    public async Task<bool> TryTakeAsync(string promptId, int capacity)
    {
        if (state.State.Prompts.Contains(promptId))
        {
            return true;
        }

        if (state.State.Prompts.Count >= capacity)
        {
            return false;
        }

        state.State.Prompts.Add(promptId);
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(string promptId)
    {
        if (!state.State.Prompts.Remove(promptId))
        {
            return;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Prompts.Add(promptId); // not freed until stored: the retry must find it to free it
            throw;
        }

        await GrainFactory.Ref<IOutreachQueueGrain>(0).SlotFreedAsync(this.GetPrimaryKeyString()); // one-way
    }
}
