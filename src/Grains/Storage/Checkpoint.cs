namespace CxLive.Grains.Storage;

/// <summary>
/// Writes a grain's state a short while after it changes instead of on every change: a write per
/// interaction would cost 5–10x the throughput (docs/benchmark-log.md). Hot state stays in memory; this is
/// the checkpoint. Call <see cref="FlushAsync"/> from <c>OnDeactivateAsync</c>. With an infinite
/// delay (embedded mode) no timer is kept at all: the state is written when something asks for it
/// and at deactivation, which spares every active customer a timer (about 450 bytes).
/// </summary>
public sealed class Checkpoint<TState>(IGrainBase grain, IPersistentState<TState> state, TimeSpan delay)
{
    private IGrainTimer? _timer;
    private bool _dirty;

    /// <summary>Whether something changed that is not written yet (a write is due, or the last one failed).</summary>
    public bool Unsaved => _dirty;

    /// <summary>Something changed: make sure a write is scheduled (one timer at most, never per call).</summary>
    public void MarkDirty()
    {
        _dirty = true;
        if (_timer is null && delay != Timeout.InfiniteTimeSpan)
        {
            _timer = grain.RegisterGrainTimer(FlushAsync, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Writes now, whether or not a write was scheduled.</summary>
    public Task WriteNowAsync(CancellationToken cancellationToken = default)
    {
        MarkDirty();
        return FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!_dirty)
        {
            return;
        }

        var timer = _timer;
        (_timer, _dirty) = (null, false);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            MarkDirty(); // try again later; the state is still in memory
            throw;
        }
        finally
        {
            // Only now: disposing a grain timer cancels the token its own callback was given,
            // which would cancel the write above when the flush runs as that callback.
            timer?.Dispose();
        }
    }
}
