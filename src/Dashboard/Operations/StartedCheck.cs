using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// Started once the host has finished starting (the silo joined its cluster): what a Kubernetes
/// startup probe waits for before liveness and readiness probes begin. Once started, always started.
/// </summary>
public sealed class StartedCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("started")
            : HealthCheckResult.Unhealthy("still starting"));
}
