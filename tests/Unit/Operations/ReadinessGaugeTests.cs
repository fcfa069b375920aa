using System.Diagnostics.Metrics;
using CxLive.Dashboard.Operations;
using CxLive.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Unit.Operations;

/// <summary>
/// What the log says of readiness. The integrator trial: a front given a wrong Redis port waited for
/// ever with one line at information level, which a log shipper set to warnings never showed.
/// </summary>
public sealed class ReadinessGaugeTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<ReadinessGauge> _log = new();
    private readonly ReadinessGauge _gauge;

    public ReadinessGaugeTests()
    {
        var services = new ServiceCollection().AddMetrics().AddSingleton<TimeProvider>(_clock).BuildServiceProvider();
        var metrics = new CxMetrics(services.GetRequiredService<IMeterFactory>(), Options.Create(new TelemetryOptions { MeterName = "CxLive.ReadinessGaugeTests" }));
        _gauge = new ReadinessGauge(metrics, new Running(), _log, services);
    }

    private static readonly HealthReport NotReady = Report(HealthStatus.Unhealthy);
    private static readonly HealthReport Ready = Report(HealthStatus.Healthy);

    private static HealthReport Report(HealthStatus status) => new(
        new Dictionary<string, HealthReportEntry> { ["redis"] = new(status, status == HealthStatus.Healthy ? "Redis answered in 0.4 ms" : "Redis is not reachable: no answer within 2 s", TimeSpan.Zero, null, null) },
        TimeSpan.Zero);

    private IEnumerable<(LogLevel, string)> Lines() => _log.Collector.GetSnapshot().Select(r => (r.Level, r.Message));

    [Fact]
    public async Task A_process_never_ready_says_so_again_as_a_warning_a_minute_after_start_once()
    {
        await _gauge.PublishAsync(NotReady, default);
        _clock.Advance(TimeSpan.FromSeconds(50));
        await _gauge.PublishAsync(NotReady, default);
        Assert.Equal([(LogLevel.Information, "Not ready yet: redis: Redis is not reachable: no answer within 2 s")], Lines());

        _clock.Advance(TimeSpan.FromSeconds(10));
        await _gauge.PublishAsync(NotReady, default);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _gauge.PublishAsync(NotReady, default);

        Assert.Equal((LogLevel.Warning, "Still not ready 1 min after start: redis: Redis is not reachable: no answer within 2 s"), Lines().Last());
        Assert.Equal(2, Lines().Count()); // once, not every 10 s

        await _gauge.PublishAsync(Ready, default);
        Assert.Equal((LogLevel.Information, "Ready"), Lines().Last()); // the first time: "again" read as a lapse
    }

    [Fact]
    public async Task A_process_that_was_ready_says_only_when_it_stops_being_so()
    {
        await _gauge.PublishAsync(Ready, default);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _gauge.PublishAsync(NotReady, default);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _gauge.PublishAsync(NotReady, default);

        Assert.Equal([(LogLevel.Warning, "Not ready: redis: Redis is not reachable: no answer within 2 s")], Lines());
        await _gauge.PublishAsync(Ready, default);
        Assert.Equal((LogLevel.Information, "Ready again"), Lines().Last());
    }

    private sealed class Running : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
