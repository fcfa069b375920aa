using System.Collections.Immutable;
using CxLive.Alerts;
using CxLive.Detection;
using CxLive.Detection.Rules;
using CxLive.Journeys;
using CxLive.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Touchpoints;

/// <summary>One touchpoint's rolling counts and failure rate. Hot in memory; storage is a checkpoint.</summary>
public sealed class TouchpointGrain : Grain, ITouchpointGrain
{
    private readonly IPersistentState<TouchpointState> _state;
    private readonly TimeProvider _time;
    private readonly IRuleBookSource _rules;
    private readonly Checkpoint<TouchpointState> _checkpoint;
    private readonly List<AlertSignal> _signals = [];
    private readonly int _alertPartitions;

    /// <summary>This activation, so a stream consumer can tell a checkpoint of what it delivered from one of a fresh activation.</summary>
    private readonly Guid _activation = Guid.NewGuid();

    /// <summary>How often, at most, this touchpoint tells the directory its figures while traffic flows.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);
    private DateTimeOffset _reportedAt = DateTimeOffset.MinValue;

    public TouchpointGrain(
        [PersistentState("touchpoint", StorageNames.State)] IPersistentState<TouchpointState> state,
        TimeProvider time,
        IRuleBookSource rules,
        IOptions<CheckpointOptions> checkpoint,
        IOptions<AlertOptions> alerts)
    {
        _alertPartitions = alerts.Value.Partitions;
        _state = state;
        _time = time;
        _rules = rules;
        _checkpoint = new Checkpoint<TouchpointState>(this, state, checkpoint.Value.Delay);
    }

    /// <summary>Counts the batch, then judges degradation as of its newest event (event time).</summary>
    public async Task<Guid> RecordAsync(ImmutableArray<Interaction> interactions, string? consumer)
    {
        var state = _state.State;
        var now = _time.GetUtcNow();
        state.Deliveries.Forget(now);
        foreach (var interaction in interactions)
        {
            if (consumer is null || state.Deliveries.TryAdd(consumer, interaction.Id, now))
            {
                state.Record(interaction);
            }
        }

        _checkpoint.MarkDirty();
        if (_rules.Current.Enabled(TouchpointDegradationDetector.RuleId) is { } rule && _state.State.LastSeen is { } newest)
        {
            TouchpointDegradationDetector.Evaluate(rule, this.GetPrimaryKeyString(), _state.State, newest, _signals);
        }

        if (_signals.Count > 0)
        {
            await GrainFactory.GetGrain<IAlertBookGrain>(AlertPartitions.Of(this.GetPrimaryKeyString(), _alertPartitions)).ApplyAsync([.. _signals]);
            _signals.Clear();
        }

        if (now - _reportedAt >= ReportEvery)
        {
            _reportedAt = now;
            await GrainFactory.GetGrain<ITouchpointDirectoryGrain>(0).ReportAsync(await GetSnapshotAsync()); // one-way
        }

        return _activation;
    }

    public async Task<Guid> CheckpointAsync()
    {
        await _checkpoint.FlushAsync();
        return _activation;
    }

    public Task ReleaseAsync(string consumer)
    {
        if (_state.State.Deliveries.Release(consumer))
        {
            _checkpoint.MarkDirty(); // the next write forgets them too; until then they only guard
        }

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
