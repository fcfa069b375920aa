using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// The last resort. A stop with Redis unreachable ends by itself (the last checkpoint and the silo's
/// own stop are bounded: <see cref="BoundedSiloStop"/>, <c>InteractionStreamConsumer</c>); one that
/// still has not finished <c>Shutdown:ExitAfter</c> (65 s) after it began, under systemd's and
/// compose's 75 s and Kubernetes' 90 s, logs what it gave up and ends the process as <c>kill -9</c>
/// would (exit status 137: <c>Environment.Exit</c> would wait for the very stop that hangs). Nothing
/// acknowledged is lost by that: entries not yet acknowledged are delivered again.
/// </summary>
public sealed class StopDeadline(IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<StopDeadline> logger) : IHostedService, IDisposable
{
    private Timer? _timer;

    // Read when the host makes its services, before any starts: a timer cannot take one of 0 or less,
    // and the stop would have thrown on it (thrown from StartAsync, after the silo's start, the process aborted).
    private readonly TimeSpan _limit = configuration.GetValue("Shutdown:ExitAfter", TimeSpan.FromSeconds(65)) is var limit && limit > TimeSpan.Zero
        ? limit
        : throw new ConfigurationError(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Shutdown:ExitAfter is {limit:c}: it must be more than 00:00:00"));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _timer = new Timer(_ => GiveUp(_limit), null, _limit, Timeout.InfiniteTimeSpan));
        // A stop that finished needs no deadline (a test host runs many apps and outlives each).
        lifetime.ApplicationStopped.Register(Dispose);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _timer?.Dispose();

    private void GiveUp(TimeSpan limit)
    {
        logger.LogWarning("The stop did not finish within {Limit} (is Redis reachable?); exiting now. Stream entries not yet acknowledged are delivered again.", limit);
        Thread.Sleep(500); // the console logger writes from its own queue
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
