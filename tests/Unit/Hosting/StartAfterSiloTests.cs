using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxLive.Tests.Unit.Hosting;

/// <summary>
/// A silo's services start once the silo is active, but what they do when the host starts (before
/// Kestrel takes its first client) must not wait: the feed relay counts what is news to its clients
/// from then (FeedRelay.StartingAsync).
/// </summary>
public sealed class StartAfterSiloTests
{
    [Fact]
    public async Task A_service_hears_the_host_starting_at_once_and_starts_only_once_the_silo_is_active()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SiloActive>();
        services.AddSingleton<Recording>();
        services.AddHostedService(sp => sp.GetRequiredService<Recording>());
        StartAfterSilo.Apply(services);
        using var provider = services.BuildServiceProvider();
        var recording = provider.GetRequiredService<Recording>();
        var hosted = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));

        await hosted.StartingAsync(CancellationToken.None); // the host, before any service starts
        var starting = hosted.StartAsync(CancellationToken.None);
        Assert.Equal(["starting"], recording.Steps);
        Assert.False(starting.IsCompleted, "started before the silo is active");

        var silo = new ActiveStage();
        provider.GetRequiredService<SiloActive>().Participate(silo);
        await silo.ReachActiveAsync();
        await starting;
        Assert.Equal(["starting", "start"], recording.Steps);
    }

    private sealed class Recording : IHostedLifecycleService
    {
        public List<string> Steps { get; } = [];

        public Task StartingAsync(CancellationToken cancellationToken) => Step("starting");

        public Task StartAsync(CancellationToken cancellationToken) => Step("start");

        public Task StartedAsync(CancellationToken cancellationToken) => Step("started");

        public Task StoppingAsync(CancellationToken cancellationToken) => Step("stopping");

        public Task StopAsync(CancellationToken cancellationToken) => Step("stop");

        public Task StoppedAsync(CancellationToken cancellationToken) => Step("stopped");

        private Task Step(string name)
        {
            Steps.Add(name);
            return Task.CompletedTask;
        }
    }

    /// <summary>A silo's lifecycle reduced to what <see cref="SiloActive"/> subscribes to: its Active stage.</summary>
    private sealed class ActiveStage : ISiloLifecycle
    {
        private readonly List<ILifecycleObserver> _active = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage { get; private set; }

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Assert.Equal(ServiceLifecycleStage.Active, stage);
            _active.Add(observer);
            return new Unsubscribed();
        }

        public async Task ReachActiveAsync()
        {
            foreach (var observer in _active)
            {
                await observer.OnStart(CancellationToken.None);
            }

            HighestCompletedStage = ServiceLifecycleStage.Active;
        }

        private sealed class Unsubscribed : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
