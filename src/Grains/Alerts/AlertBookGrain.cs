using System.Collections.Immutable;
using CxLive.Feed;
using CxLive.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Alerts;

/// <summary>
/// The cluster's one book of alerts (key 0). Applies signals in the order they come, keeps the
/// result queryable, and passes every change to the alert feed, which pushes it to the wall.
/// </summary>
public sealed class AlertBookGrain : Grain, IAlertBookGrain
{
    private readonly IPersistentState<AlertBookState> _state;
    private readonly TimeProvider _time;
    private readonly AlertOptions _options;
    private readonly Checkpoint<AlertBookState> _checkpoint;
    private readonly bool _writeThrough;

    public AlertBookGrain(
        [PersistentState("alerts", StorageNames.State)] IPersistentState<AlertBookState> state,
        TimeProvider time,
        IOptions<AlertOptions> options,
        IOptions<CheckpointOptions> checkpoint)
    {
        _state = state;
        _time = time;
        _options = options.Value;
        _checkpoint = new Checkpoint<AlertBookState>(this, state, checkpoint.Value.Delay);
        _writeThrough = checkpoint.Value.AlertsWriteThrough;
    }

    public async Task<ImmutableArray<Alert>> ApplyAsync(ImmutableArray<AlertSignal> signals)
    {
        var now = _time.GetUtcNow();
        var changes = ImmutableArray.CreateBuilder<AlertChange>(signals.Length);
        foreach (var signal in signals)
        {
            if (_state.State.Apply(signal, now, _options) is { } change)
            {
                changes.Add(change);
            }
        }

        if (changes.Count == 0)
        {
            return [];
        }

        _state.State.Trim(_options.ResolvedKept);
        if (_writeThrough)
        {
            await _checkpoint.WriteNowAsync();
        }
        else
        {
            _checkpoint.MarkDirty();
        }

        var published = changes.DrainToImmutable();
        await GrainFactory.GetGrain<IAlertFeedGrain>(0).PublishAsync(published);
        return [.. published.Select(c => c.Alert)];
    }

    public Task<Alert?> GetAsync(string alertId) =>
        Task.FromResult(_state.State.ById.GetValueOrDefault(alertId));

    public Task<ImmutableArray<Alert>> QueryAsync(AlertQuery query) =>
        Task.FromResult(_state.State.NewestFirst().Where(query.Matches).Take(query.Limit).ToImmutableArray());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);
}
