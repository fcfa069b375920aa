namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// The ingest requests being worked on, so that stopping waits for them: once stopping starts, new
/// requests are refused (<c>503</c>, retry elsewhere) and the host waits until those in flight have
/// been answered, or <c>Shutdown:Timeout</c> passes, before the web server and the silo stop.
/// </summary>
public sealed class InFlightBatches
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _idle;
    private int _count;
    private bool _draining;

    public int Count => Volatile.Read(ref _count);

    /// <summary>False once stopping has begun: the caller answers 503.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_draining)
            {
                return false;
            }

            _count++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            if (--_count == 0 && _draining)
            {
                _idle?.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new requests from now on; completes when the last one in flight has been answered.</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            _draining = true;
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
