using CxLive.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Storage;

/// <summary>
/// A grain activation's scope of records: claimed when it loads them, written only while the claim
/// holds. When another activation of the same grain has claimed the scope since (two activations
/// for a moment while silos join or leave), a write is refused and this activation deactivates: its
/// memory lacks what the other wrote, and the caller's retry reaches the current activation, which
/// loaded it.
/// </summary>
public sealed class HeldScope
{
    /// <summary>
    /// How often a grain that answers reads checks its claim (<see cref="CheckClaimWhileActive"/>):
    /// a superseded activation stops answering from what it loaded within this.
    /// </summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private readonly IRecordStore _store;
    private readonly RecordClaim _claim;
    private readonly IGrainBase _owner;

    private HeldScope(IRecordStore store, RecordClaim claim, IGrainBase owner)
    {
        _store = store;
        _claim = claim;
        _owner = owner;
    }

    /// <summary>Claims <paramref name="scope"/> for <paramref name="owner"/> (call it when activating) and gives its records.</summary>
    public static async Task<(HeldScope Scope, IReadOnlyDictionary<string, byte[]> Records)> ClaimAsync(IRecordStore store, string scope, IGrainBase owner)
    {
        var claimed = await store.ClaimAsync(scope);
        return (new HeldScope(store, claimed.Claim, owner), claimed.Records);
    }

    /// <summary>
    /// Runs a one-way call's work. A one-way caller never hears that this activation's write was
    /// refused, and nothing may replay the call (a prompt's place in the queue, an absorb), so the
    /// call is sent to the grain again: it waits in this activation's queue and, this activation
    /// being on its way out, reaches the current one, which loaded what the other wrote. The calls
    /// that use it take a repeat as a no-op.
    /// </summary>
    public static async Task OneWayAsync(Func<Task> work, Func<Task> sendAgain)
    {
        try
        {
            await work();
        }
        catch (ScopeClaimedElsewhereException)
        {
            await sendAgain();
        }
    }

    /// <summary>Writes records (a null value removes one) in one round trip; all or nothing.</summary>
    public async Task WriteAsync(IReadOnlyList<KeyValuePair<string, byte[]?>> records)
    {
        try
        {
            await _store.WriteAsync(_claim, records);
        }
        catch (ScopeClaimedElsewhereException)
        {
            StepDown("its write was refused");
            throw;
        }
    }

    /// <summary>
    /// Deactivates the owner if another activation has claimed the scope since (one read). An
    /// activation that only answers reads never has a write refused: without this it went on
    /// answering from what it loaded (alerts missing from a list, prompts from a console) until
    /// Orleans collected it. Grains that answer reads check on a timer (<see cref="CheckClaimWhileActive"/>).
    /// </summary>
    public async Task StepDownIfClaimedElsewhereAsync()
    {
        bool holds;
        try
        {
            holds = await _store.HoldsAsync(_claim);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store out of reach (Redis down): the next check asks again, and a write is refused
            // anyway. Thrown from a timer, this would be an error line every 2 s per partition and desk.
            return;
        }

        if (!holds)
        {
            StepDown("a check of its claim found a newer one");
        }
    }

    /// <summary>For a grain that answers reads: checks the claim every <see cref="CheckEvery"/> while the owner is active (not while the host stops).</summary>
    public void CheckClaimWhileActive() =>
        _owner.RegisterGrainTimer(_owner.SkippedWhileStopping(StepDownIfClaimedElsewhereAsync), CheckEvery, CheckEvery);

    private void StepDown(string how)
    {
        // Rare (silos joining or leaving), and worth seeing beside the membership changes.
        _owner.GrainContext.ActivationServices.GetService<ILoggerFactory>()?.CreateLogger<HeldScope>()
            .LogWarning("{Grain} found its records {Scope} claimed by a newer activation (two activations while the cluster changed: {How}); this one deactivates and its callers reach the newer one", _owner.GrainContext.GrainId, _claim.Scope, how);
        _owner.DeactivateOnIdle();
    }

    /// <summary>
    /// Writes the records named in <paramref name="dirty"/> (their current values from
    /// <paramref name="takeChanges"/>, which clears the set): what changed, before anyone hears of
    /// it. If the write fails they are marked again and the error goes to the caller, whose retry
    /// (which may change nothing in memory) writes them: a change never lives in one silo's memory
    /// alone once someone was told of it.
    /// </summary>
    public async Task WriteChangedAsync(HashSet<string> dirty, Func<List<KeyValuePair<string, byte[]?>>> takeChanges)
    {
        if (dirty.Count == 0)
        {
            return;
        }

        var names = dirty.ToList();
        try
        {
            await WriteAsync(takeChanges());
        }
        catch
        {
            dirty.UnionWith(names);
            throw;
        }
    }
}
