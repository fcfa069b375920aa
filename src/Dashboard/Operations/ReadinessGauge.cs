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
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<ReadinessGauge> _logger;
    private readonly Hubs.ServiceStatusPush? _pages;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private int? _ready;

    /// <summary>Ready once since start, or still not ready after <see cref="StillNotReadyAfter"/> said at warning level.</summary>
    private bool _settled;

    /// <summary>Ready at least once since start.</summary>
    private bool _wasReady;

    /// <summary>
    /// A process that never became ready says so again, at warning level, this long after start: a
    /// front given a wrong Redis port waited for ever with one line at info level ("Not ready yet"),
    /// which a log shipper set to warnings never showed.
    /// </summary>
    public static readonly TimeSpan StillNotReadyAfter = TimeSpan.FromMinutes(1);

    /// <param name="services">For the pages' status push, where this process serves pages (not on a compute-only silo).</param>
    public ReadinessGauge(CxMetrics metrics, IHostApplicationLifetime lifetime, ILogger<ReadinessGauge> logger, IServiceProvider services)
    {
        (_lifetime, _logger, _pages) = (lifetime, logger, services.GetService<Hubs.ServiceStatusPush>());
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _started = _time.GetUtcNow();
        metrics.Meter.CreateObservableGauge("cxlive.ready", () => _ready is { } ready ? [new System.Diagnostics.Metrics.Measurement<int>(ready)] : Array.Empty<System.Diagnostics.Metrics.Measurement<int>>(), description: "1 while this silo's readiness checks pass or are only degraded (as GET /health/ready), 0 while one fails.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        // Degraded is still ready (/health/ready answers 200): a check that says so, such as settings
        // saved invalid while the ones before serve, must not page anyone as "not ready".
        var ready = report.Status != HealthStatus.Unhealthy ? 1 : 0;
        var stopping = _lifetime.ApplicationStopping.IsCancellationRequested;
        // One line when readiness changes (ASP.NET Core's own line per failing check, at error level
        // every 10 s, is filtered out: not ready is a state, and a stop is not an error).
        if (ready != _ready && !stopping)
        {
            if (ready == 1 && _ready is not null)
            {
                _logger.LogInformation(_wasReady ? "Ready again" : "Ready"); // "again" the first time read as a lapse
            }
            else if (ready == 0 && _ready is null)
            {
                _logger.LogInformation("Not ready yet: {Why}", Why(report));
            }
            else if (ready == 0)
            {
                _logger.LogWarning("Not ready: {Why}", Why(report));
            }
        }

        var sinceStart = _time.GetUtcNow() - _started;
        if (!_settled && ready == 0 && sinceStart >= StillNotReadyAfter && !stopping)
        {
            _logger.LogWarning("Still not ready {Minutes:0} min after start: {Why}", sinceStart.TotalMinutes, Why(report));
        }

        _settled |= ready == 1 || sinceStart >= StillNotReadyAfter;
        _wasReady |= ready == 1;
        _ready = ready;
        return _pages is null || stopping ? Task.CompletedTask : _pages.PublishAsync(report);
    }

    private static string Why(HealthReport report) =>
        string.Join("; ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}"));
}
