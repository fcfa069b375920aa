using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;
using Orleans.Runtime;

namespace CxLive.Silo.Hosting;

/// <summary>Completes when this silo has joined its cluster and is active (the silo lifecycle's Active stage).</summary>
public sealed class SiloActive : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WhenActive => _active.Task;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloActive), ServiceLifecycleStage.Active, _ =>
        {
            _active.TrySetResult();
            return Task.CompletedTask;
        });
}
