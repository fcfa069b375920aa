using CxLive.Dashboard.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Silo.Operations;

/// <summary>Ready while this silo is an active member of the cluster and not shutting down: a load balancer sends it work only then.</summary>
public sealed class SiloReadyCheck(ISiloStatusOracle silo, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("the process is shutting down")
            : silo.CurrentStatus == SiloStatus.Active ? HealthCheckResult.Healthy("the silo is active")
            : HealthCheckResult.Unhealthy($"the silo is {silo.CurrentStatus}"));
}
