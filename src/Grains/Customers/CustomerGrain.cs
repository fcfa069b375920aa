using System.Collections.Immutable;
using CxLive.Alerts;
using CxLive.Detection;
using CxLive.Journeys;
using CxLive.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Customers;

/// <summary>
/// One customer's live picture. A batch is one call: record each new interaction, run the
/// detectors over it, then hand any signals to the alert book in one call. Storage is touched
/// only by the checkpoint, never per interaction.
/// </summary>
public sealed class CustomerGrain : Grain, ICustomerGrain
{
    private readonly IPersistentState<CustomerState> _state;
    private readonly IRuleBookSource _rules;
    private readonly CustomerDetectors _detectors;
    private readonly CustomerOptions _options;
    private readonly Checkpoint<CustomerState> _checkpoint;
    private readonly List<AlertSignal> _signals = [];

    public CustomerGrain(
        [PersistentState("customer", StorageNames.State)] IPersistentState<CustomerState> state,
        IRuleBookSource rules,
        CustomerDetectors detectors,
        IOptions<CustomerOptions> options,
        IOptions<CheckpointOptions> checkpoint)
    {
        _state = state;
        _rules = rules;
        _detectors = detectors;
        _options = options.Value;
        _checkpoint = new Checkpoint<CustomerState>(this, state, checkpoint.Value.Delay);
    }

    public async Task<RecordResult> RecordAsync(ImmutableArray<Interaction> interactions)
    {
        var state = _state.State;
        var rules = _rules.Current;
        var duplicates = ImmutableArray.CreateBuilder<int>(0);
        for (var i = 0; i < interactions.Length; i++)
        {
            var interaction = interactions[i];
            if (!state.TryRecord(interaction, _options))
            {
                duplicates.Add(i);
                continue;
            }

            _detectors.Observe(rules, state.Detection, interaction, _signals);
        }

        var accepted = interactions.Length - duplicates.Count;
        if (accepted > 0)
        {
            _checkpoint.MarkDirty();
        }

        if (_signals.Count > 0)
        {
            // Cleared only once the book has them: if it is unreachable, the next batch retries them.
            await GrainFactory.GetGrain<IAlertBookGrain>(0).ApplyAsync([.. _signals]);
            _signals.Clear();
        }

        return new RecordResult(accepted, duplicates.ToImmutable());
    }

    public Task<CustomerSnapshot> GetSnapshotAsync() =>
        Task.FromResult(_state.State.Snapshot(this.GetPrimaryKeyString()));

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);
}
