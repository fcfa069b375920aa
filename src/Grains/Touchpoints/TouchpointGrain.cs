using System.Collections.Immutable;
using CxLive.Journeys;
using CxLive.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Touchpoints;

/// <summary>One touchpoint's rolling counts and failure rate. Hot in memory; storage is a checkpoint.</summary>
public sealed class TouchpointGrain : Grain, ITouchpointGrain
{
    private readonly IPersistentState<TouchpointState> _state;
    private readonly TimeProvider _time;
    private readonly Checkpoint<TouchpointState> _checkpoint;

    public TouchpointGrain(
        [PersistentState("touchpoint", StorageNames.State)] IPersistentState<TouchpointState> state,
        TimeProvider time,
        IOptions<CheckpointOptions> checkpoint)
    {
        _state = state;
        _time = time;
        _checkpoint = new Checkpoint<TouchpointState>(this, state, checkpoint.Value.Delay);
    }

    public Task RecordAsync(ImmutableArray<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            _state.State.Record(interaction);
        }

        _checkpoint.MarkDirty();
        return Task.CompletedTask;
    }

    public Task<TouchpointSnapshot> GetSnapshotAsync()
    {
        var state = _state.State;
        var now = _time.GetUtcNow();
        return Task.FromResult(new TouchpointSnapshot
        {
            Touchpoint = this.GetPrimaryKeyString(),
            Total = state.Total,
            Failures = state.Failures,
            Last5Minutes = state.Window(now, 5),
            LastHour = state.Window(now, TouchpointState.Minutes),
            LastSeen = state.LastSeen,
        });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);
}
