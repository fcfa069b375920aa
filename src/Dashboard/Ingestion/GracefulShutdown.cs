using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Before anything stops (IHostedLifecycleService.StoppingAsync runs first for every service), lets
/// the ingest requests in flight finish, and keeps listening for <c>Shutdown:Drain</c>: the web
/// server is the first service to stop, and once it has a new connection is refused. Meanwhile
/// readiness says 503 and new ingest requests get 503 with Retry-After, so a load balancer that
/// has not yet seen the process go (Kubernetes takes a few seconds to drop an endpoint) sends
/// its callers somewhere that answers them.
/// </summary>
public sealed class GracefulShutdown(InFlightBatches inFlight, IOptions<ShutdownDrainOptions> shutdown, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    private readonly TimeSpan _drain = shutdown.Value.Drain;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var timeout = shutdown.Value.Timeout;
        var pending = inFlight.Count;
        var drained = inFlight.DrainAsync();
        if (pending > 0)
        {
            logger.LogInformation("Stopping: finishing {Count} ingest requests in flight (at most {Timeout})", pending, timeout);
        }

        if (_drain > TimeSpan.Zero)
        {
            logger.LogInformation("Stopping: still answering 503 for {Drain} (Shutdown:Drain) while load balancers stop sending requests here", _drain);
        }

        try
        {
            await Task.WhenAll(drained.WaitAsync(timeout, cancellationToken), Task.Delay(_drain, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Stopping with {Count} ingest requests still in flight: the host's stop time ran out first", inFlight.Count);
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
