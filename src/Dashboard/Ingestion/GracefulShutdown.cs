namespace CxLive.Dashboard.Ingestion;

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
