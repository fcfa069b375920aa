using CxLive.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CxLive.Tests.Unit.Hubs;

/// <summary>
/// SignalR's dispatcher is turned down with the client mistakes it logged; a hub that cannot be
/// created (every call fails) is still an error in the log.
/// </summary>
public sealed class LoggedHubActivatorTests
{
    private readonly FakeLogger<LoggedHubActivator<NeedsAService>> _log = new();

    public sealed class NeedsAService(TimeProvider time) : Hub
    {
        public DateTimeOffset Now() => time.GetUtcNow();
    }

    [Fact]
    public void A_hub_that_cannot_be_created_is_an_error_with_its_exception_and_the_call_still_fails()
    {
        var activator = new LoggedHubActivator<NeedsAService>(new ServiceCollection().BuildServiceProvider(), _log); // no TimeProvider registered

        var failure = Assert.Throws<InvalidOperationException>(() => activator.Create());

        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Same(failure, line.Exception);
        Assert.Equal("Could not create the hub NeedsAService for a call: every call to it fails the same way", line.Message);
    }

    [Fact]
    public void A_hub_it_creates_gets_its_services_logs_nothing_and_is_disposed_on_release()
    {
        var activator = new LoggedHubActivator<NeedsAService>(new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider(), _log);

        var hub = activator.Create();
        activator.Release(hub);

        Assert.Empty(_log.Collector.GetSnapshot());
        Assert.Throws<ObjectDisposedException>(() => hub.Clients); // Hub.Dispose marks it disposed
    }
}
