using CxLive.Grains.Hosting;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// Hosted services start side by side (so Kestrel answers <c>/health/live</c> while the silo is still
/// joining its cluster); work that needs the cluster waits here until every service has started.
/// </summary>
public static class HostStarted
{
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
