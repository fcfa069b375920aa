using CxLive.Contracts.Agents;
using CxLive.Contracts.Grains;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace CxLive.Grains.Agents;

/// <summary>
/// The shared queue (key 0). Desks tell it one-way what they could not place, the agents' load
/// grains tell it one-way when a slot frees; it then asks the owning desk to hand the best waiting
/// prompt to that agent. Entries of prompts gone meanwhile (reported, withdrawn, stale) are dropped
/// when their turn comes. Only one-way calls come in, so asking a desk can never close a cycle.
/// Stored one record per waiting prompt (scope <c>outreach-queue</c>): in a flood every new alert
/// waits here, and a queue that rewrote its whole list for each newcomer fell further behind with
/// every one.
/// </summary>
[GrainType("outreachqueue")] // the name Orleans gave it
public sealed class OutreachQueueGrain(
    [PersistentState("outreach-queue", StorageNames.State)] IPersistentState<OutreachQueueState> listed,
    IRecordStore store,
    Serializer serializer,
    IOptions<OutreachOptions> options) : Grain, IOutreachQueueGrain
{
    private const string Scope = "outreach-queue";
    private HeldScope _held = null!;
    private readonly Dictionary<string, QueuedPrompt> _byId = new(StringComparer.Ordinal);
    private readonly SortedSet<QueuedPrompt> _inTurn = new(TurnOrder.Instance);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_held, var records) = await HeldScope.ClaimAsync(store, Scope, this);
        foreach (var record in records.Values)
        {
            Hold(serializer.Deserialize<QueuedPrompt>(record)!);
        }

        // The queue as an earlier version stored it, one list in the grain's state: moved to records once.
        if (listed.State.Waiting.Count > 0)
        {
            var moved = listed.State.Waiting.Where(Hold).ToList();
            await _held.WriteAsync([.. moved.Select(Record)]);
            await listed.ClearStateAsync();
        }
    }

    public Task WaitAsync(QueuedPrompt prompt) =>
        HeldScope.OneWayAsync(() => WaitNowAsync(prompt), () => this.AsReference<IOutreachQueueGrain>().WaitAsync(prompt)); // one-way: a refused write is sent on

    private async Task WaitNowAsync(QueuedPrompt prompt)
    {
        if (Hold(prompt))
        {
            await _held.WriteAsync([Record(prompt)]);
        }
    }

    public Task SlotFreedAsync(string agentId) =>
        HeldScope.OneWayAsync(() => SlotFreedNowAsync(agentId), () => this.AsReference<IOutreachQueueGrain>().SlotFreedAsync(agentId)); // one-way: a refused write is sent on

    private async Task SlotFreedNowAsync(string agentId)
    {
        if (options.Value.Agents.FirstOrDefault(a => a.Id == agentId) is not { } agent)
        {
            return;
        }

        var gone = new List<QueuedPrompt>();
        try
        {
            while (_inTurn.FirstOrDefault(w => OutreachRouting.Able([agent], w.Channel).Count > 0) is { } waiting)
            {
                var result = await GrainFactory.Ref<IOutreachDeskGrain>(waiting.Partition).AssignQueuedAsync(waiting.PromptId, agentId);
                if (result == QueuedHandOut.Full)
                {
                    break;
                }

                _inTurn.Remove(waiting);
                _byId.Remove(waiting.PromptId);
                gone.Add(waiting);
                if (result == QueuedHandOut.Assigned)
                {
                    break;
                }
            }
        }
        finally
        {
            if (gone.Count > 0)
            {
                await _held.WriteAsync([.. gone.Select(g => KeyValuePair.Create(g.PromptId, (byte[]?)null))]);
            }
        }
    }

    public Task<int> CountAsync() => Task.FromResult(_byId.Count);

    private bool Hold(QueuedPrompt prompt)
    {
        if (!_byId.TryAdd(prompt.PromptId, prompt))
        {
            return false;
        }

        _inTurn.Add(prompt);
        return true;
    }

    private KeyValuePair<string, byte[]?> Record(QueuedPrompt prompt) => KeyValuePair.Create(prompt.PromptId, (byte[]?)serializer.SerializeToArray(prompt));

    /// <summary>
    /// Most severe first; then the one whose moment passes soonest (its rule's time-to-live: a failed
    /// search is worth a call for 30 minutes, a detractor for 2 days, so a fresh failed search goes
    /// before an older detractor, while the customer is still there), one that never goes stale
    /// after those that do; then the longest waiting; then by id (a total order, as the set needs).
    /// </summary>
    private sealed class TurnOrder : IComparer<QueuedPrompt>
    {
        public static readonly TurnOrder Instance = new();

        public int Compare(QueuedPrompt? x, QueuedPrompt? y) =>
            x is null || y is null ? Comparer<object>.Default.Compare(x, y)
            : y.Severity.CompareTo(x.Severity) is not 0 and var bySeverity ? bySeverity
            : (x.ExpiresAt ?? DateTimeOffset.MaxValue).CompareTo(y.ExpiresAt ?? DateTimeOffset.MaxValue) is not 0 and var byMoment ? byMoment
            : x.CreatedAt.CompareTo(y.CreatedAt) is not 0 and var byAge ? byAge
            : string.CompareOrdinal(x.PromptId, y.PromptId);
    }
}
