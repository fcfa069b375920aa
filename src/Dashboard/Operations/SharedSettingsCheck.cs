using CxLive.Dashboard.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// A web front is not ready while a setting it must share with its silos differs from their record
/// (<see cref="SharedSettings"/>): it would show a part of the alerts, or file customers under
/// other ids, with no error anywhere.
/// </summary>
public sealed class SharedSettingsCheck(RedisConnection redis, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The longest it takes to say Redis does not answer (one budget for the connection and the reads): a probe must wait longer to hear why.</summary>
    public static TimeSpan LongestAnswer => Patience;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Prompt, as readiness must be: Redis that does not answer within 2 s makes this check fail, not wait.
        var (serviceId, settings) = SharedSettings.Here(services);
        try
        {
            return await SharedSettings.MismatchAsync(redis, serviceId, settings, Patience, cancellationToken) is { } problem
                ? HealthCheckResult.Unhealthy(problem)
                : HealthCheckResult.Healthy("Alerts:Partitions and Privacy:PseudonymKey agree with the cluster's record");
        }
        catch (TimeoutException)
        {
            // It said only "The operation has timed out.": the redis check beside it says why.
            return HealthCheckResult.Unhealthy($"not compared with the cluster's record: Redis gave no answer within {Patience.TotalSeconds:0} s (see the redis check)");
        }
    }
}
