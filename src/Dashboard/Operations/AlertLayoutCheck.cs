using CxLive.Dashboard.Redis;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// A web front is not ready while its <c>Alerts:Partitions</c> differs from the one its silos
/// recorded: it would show a part of the alerts and miss the rest, with no error anywhere.
/// </summary>
public sealed class AlertLayoutCheck(RedisConnection redis, IOptions<ClusterOptions> cluster, IOptions<AlertOptions> alerts) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Prompt, as readiness must be: Redis that does not answer within 2 s makes this check fail, not wait.
        return await AlertLayout.MismatchAsync(redis, cluster.Value.ServiceId, alerts.Value.Partitions, Patience, cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy($"Alerts:Partitions {alerts.Value.Partitions} agrees with the cluster's record");
    }
}
