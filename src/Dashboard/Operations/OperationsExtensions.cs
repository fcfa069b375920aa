using System.Text.Json;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace CxLive.Dashboard.Operations;

/// <summary>What operators watch: health endpoints and Prometheus metrics (docs/operations.md).</summary>
public static class OperationsExtensions
{
    public const string StartupPath = "/health/startup";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";
    private const string StartupTag = "startup";

    public const string ReadyTag = "ready";

    /// <summary>What every CxLive process serves (silo or web front); each adds the readiness check of its own kind.</summary>
    public static WebApplicationBuilder AddCxOperations(this WebApplicationBuilder builder)
    {
        var health = builder.Services.AddHealthChecks()
            .AddCheck<StartedCheck>("started", tags: [StartupTag]);
        if (RedisMode.ConnectionString(builder.Configuration) is not null)
        {
            health.AddCheck<RedisReachableCheck>("redis", tags: [ReadyTag]);
        }

        builder.Services.AddSingleton<IHealthCheckPublisher, ReadinessGauge>();
        // Each failing check is logged at error level on every run; ReadinessGauge says when readiness changes instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
        builder.Services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Predicate = check => check.Tags.Contains(ReadyTag);
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(builder.Configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.MeterName)}"] ?? CxMetrics.MeterName)
            // GC, heap, thread pool, exceptions (dotnet_*), and the process's memory and CPU (process_*).
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>
    /// The probes and the metrics, for anyone who can reach the port (the orchestrator, the scraper):
    /// mapped by the hosts themselves, since a silo without the web tier has them too.
    /// </summary>
    public static IEndpointRouteBuilder MapCxOperations(this IEndpointRouteBuilder endpoints)
    {
        var app = endpoints.MapGroup("").AllowAnonymous();
        // Startup: the host has started (the silo joined). Live: the process answers at all (no checks
        // run). Ready: the silo is active and not stopping, and Redis answers in Redis mode.
        app.MapHealthChecks(StartupPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(StartupTag), ResponseWriter = WriteAsync });
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }

    /// <summary>A small JSON body saying which check failed and why, for the operator who curls it.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
