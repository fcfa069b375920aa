using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// Tells every page on this server when its readiness changes (checked every 10 s by the health
/// publisher), and each page as it connects: while Redis stalled, walls stayed green "Live" and showed
/// "0 raised in the last minute", which reads as a calm minute, not as nothing getting through. The
/// push goes over this server's own hub, which needs neither Redis nor a silo.
/// </summary>
public sealed class ServiceStatusPush(IHubContext<CxHub, ICxClient> hub)
{
    private volatile ServiceStatus _current = ServiceStatus.Healthy;

    public ServiceStatus Current => _current;

    public Task PublishAsync(HealthReport report)
    {
        var status = report.Status != HealthStatus.Unhealthy // degraded still serves: the pages are not told "not receiving"
            ? ServiceStatus.Healthy
            : new ServiceStatus(false, [.. report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).Order(StringComparer.Ordinal)]);
        if (status.Ready == _current.Ready && status.Failing.SequenceEqual(_current.Failing))
        {
            return Task.CompletedTask;
        }

        _current = status;
        return hub.Clients.All.serviceStatus(status);
    }
}
