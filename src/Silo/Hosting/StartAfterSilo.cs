using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// The process's hosted services start side by side (HostOptions.ServicesStartConcurrently), so
/// Kestrel, which ASP.NET Core adds last, listens at once: <c>/health/live</c> answers while the
/// silo is still joining. Every other hosted service registered before <see cref="Apply"/> waits for
/// the silo to be active before it starts, as it would have when services started one by one: their
/// grain calls would otherwise fail, and be logged, until the silo joined.
/// </summary>
public static class StartAfterSilo
{
    public static void Apply(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService || descriptor.ImplementationType?.FullName == "Orleans.Hosting.SiloHostedService")
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new Waiting(Create(sp, descriptor), sp.GetRequiredService<SiloActive>()));
        }
    }

    private static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IHostedService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Starts the service it wraps once the silo is active; passes every other step of the host's lifecycle through.</summary>
    private sealed class Waiting(IHostedService inner, SiloActive silo) : IHostedLifecycleService
    {
        private bool _started;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await silo.WhenActive.WaitAsync(cancellationToken);
            }
            catch (Exception) when (silo.WhenActive.IsFaulted)
            {
                return; // never started: the silo's own failure is the one the host reports
            }

            await inner.StartAsync(cancellationToken);
            _started = true;
        }

        public Task StopAsync(CancellationToken cancellationToken) => _started ? inner.StopAsync(cancellationToken) : Task.CompletedTask;

        public Task StartingAsync(CancellationToken cancellationToken) => (inner as IHostedLifecycleService)?.StartingAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => _started ? (inner as IHostedLifecycleService)?.StartedAsync(cancellationToken) ?? Task.CompletedTask : Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => (inner as IHostedLifecycleService)?.StoppingAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => _started ? (inner as IHostedLifecycleService)?.StoppedAsync(cancellationToken) ?? Task.CompletedTask : Task.CompletedTask;
    }
}
