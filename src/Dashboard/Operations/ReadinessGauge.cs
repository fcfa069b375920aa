using CxLive.Grains.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// <c>cxlive_ready</c>: 1 while this silo's readiness checks pass, 0 while one fails, so Prometheus
/// can alert on a silo that runs but is not ready (Redis unreachable, silo not active) wherever it
/// runs, Kubernetes or not. The checks run every 10 s by the health-check publisher, never at a scrape.
/// </summary>
public sealed class ReadinessGauge : IHealthCheckPublisher
{
    private int? _ready;

    public ReadinessGauge(CxMetrics metrics) =>
        metrics.Meter.CreateObservableGauge("cxlive.ready", () => _ready is { } ready ? [new System.Diagnostics.Metrics.Measurement<int>(ready)] : Array.Empty<System.Diagnostics.Metrics.Measurement<int>>(), description: "1 while this silo's readiness checks pass (as GET /health/ready), 0 while one fails.");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        _ready = report.Status == HealthStatus.Healthy ? 1 : 0;
        return Task.CompletedTask;
    }
}
