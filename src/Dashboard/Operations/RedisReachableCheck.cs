using CxLive.Dashboard.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Operations;

/// <summary>Redis mode: ready only while Redis answers a PING on the process's shared connection.</summary>
public sealed class RedisReachableCheck(RedisConnection redis) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.GetAsync().WaitAsync(Patience, cancellationToken)).GetDatabase().PingAsync().WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Redis is not reachable: " + e.Message);
        }
    }
}
