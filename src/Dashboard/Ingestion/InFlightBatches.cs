namespace CxLive.Ingestion;

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

/// <summary>Before anything stops (IHostedLifecycleService.StoppingAsync runs first for every service), lets the ingest requests in flight finish.</summary>
public sealed class GracefulShutdown(InFlightBatches inFlight, IConfiguration configuration, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var timeout = configuration.GetValue("Shutdown:Timeout", TimeSpan.FromSeconds(25));
        var pending = inFlight.Count;
        var drained = inFlight.DrainAsync();
        if (pending > 0)
        {
            logger.LogInformation("Stopping: finishing {Count} ingest requests in flight (at most {Timeout})", pending, timeout);
        }

        try
        {
            await drained.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Stopping with {Count} ingest requests still in flight after {Timeout}; their senders get no answer and should re-send (safe: ids are deduplicated)", inFlight.Count, timeout);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
