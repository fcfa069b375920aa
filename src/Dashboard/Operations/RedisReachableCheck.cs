using CxLive.Dashboard.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Operations;

/// <summary>Redis mode: ready only while Redis answers a PING on the process's shared connection.</summary>
public sealed class RedisReachableCheck(RedisConnection redis) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The longest it takes to say Redis does not answer (the connection, then the PING): a probe must wait longer to hear why.</summary>
    public static TimeSpan LongestAnswer => Patience * 2;

    /// <summary>Where it looks: a front given a wrong port said only "no answer within 2 s", while a silo's start named the address.</summary>
    private string Where => RedisConnection.Where(redis.Options);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.GetAsync().WaitAsync(Patience, cancellationToken)).GetDatabase().PingAsync().WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms");
        }
        catch (TimeoutException)
        {
            // Not "The operation has timed out.": a wrong address or port, a Redis down or stalled all read so.
            return HealthCheckResult.Unhealthy($"Redis is not reachable at '{Where}' (ConnectionStrings:Redis): no answer within {Patience.TotalSeconds:0} s: is it running there, and not stalled?");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Redis is not reachable at '{Where}' (ConnectionStrings:Redis): {e.Message}");
        }
    }
}
