using CxLive.Contracts.Rules;
using CxLive.Grains.Storage;

namespace CxLive.Grains.Rules;

/// <summary>
/// Run-time rule changes. Rare and precious, so each is written to storage before the call
/// returns (no checkpoint delay): a change that was acknowledged survives a restart.
/// </summary>
[GrainType("rules")]
public sealed class RulesGrain([PersistentState("rules", StorageNames.State)] IPersistentState<RulesState> state) : Grain, IRulesGrain
{
    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Changes.Version);

    public Task<RuleChanges> GetChangesAsync() => Task.FromResult(state.State.Changes);

    public async Task<RuleChanges> ChangeAsync(string ruleId, RuleChange change)
    {
        var current = state.State.Changes;
        state.State.Changes = new RuleChanges(current.Version + 1, current.ByRule.SetItem(ruleId, change));
        await state.WriteStateAsync();
        return state.State.Changes;
    }
}
