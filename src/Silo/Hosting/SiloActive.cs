using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;
using Orleans.Runtime;

namespace CxLive.Silo.Hosting;

/// <summary>
/// Completes when this silo has joined its cluster and is active (the silo lifecycle's Active
/// stage); fails when the silo's start failed (Redis unreachable, say), so that nothing waits for
/// it forever and the process can end.
/// </summary>
public sealed class SiloActive : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WhenActive => _active.Task;

    /// <summary>The silo's start failed: it will never be active.</summary>
    public void StartFailed(Exception reason) => _active.TrySetException(reason);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloActive), ServiceLifecycleStage.Active, _ =>
        {
            _active.TrySetResult();
            return Task.CompletedTask;
        });
}
