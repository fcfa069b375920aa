using CxLive.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Agents;

/// <summary>
/// The shared queue (key 0). Desks tell it one-way what they could not place, the agents' load
/// grains tell it one-way when a slot frees; it then asks the owning desk to hand the best waiting
/// prompt to that agent. Entries of prompts gone meanwhile (reported, withdrawn, stale) are dropped
/// when their turn comes. Only one-way calls come in, so asking a desk can never close a cycle.
/// </summary>
[GrainType("outreachqueue")]
public sealed class OutreachQueueGrain(
    [PersistentState("outreach-queue", StorageNames.State)] IPersistentState<OutreachQueueState> state,
    IOptions<OutreachOptions> options) : Grain, IOutreachQueueGrain
{
    public async Task WaitAsync(QueuedPrompt prompt)
    {
        if (state.State.Waiting.All(w => w.PromptId != prompt.PromptId))
        {
            state.State.Waiting.Add(prompt);
            await state.WriteStateAsync();
        }
    }

    public async Task SlotFreedAsync(string agentId)
    {
        if (options.Value.Agents.FirstOrDefault(a => a.Id == agentId) is not { } agent)
        {
            return;
        }

        var turn = state.State.Waiting
            .Where(w => OutreachRouting.Able([agent], w.Channel).Count > 0)
            .OrderByDescending(w => w.Severity).ThenBy(w => w.CreatedAt).ThenBy(w => w.PromptId, StringComparer.Ordinal)
            .ToList();
        var changed = false;
        foreach (var waiting in turn)
        {
            var result = await GrainFactory.GetGrain<IOutreachDeskGrain>(waiting.Partition).AssignQueuedAsync(waiting.PromptId, agentId);
            if (result == QueuedHandOut.Full)
            {
                break;
            }

            state.State.Waiting.Remove(waiting);
            changed = true;
            if (result == QueuedHandOut.Assigned)
            {
                break;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<int> CountAsync() => Task.FromResult(state.State.Waiting.Count);
}
