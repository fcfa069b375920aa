using CxLive.Contracts.Grains;
using CxLive.Dashboard.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// A web front is ready while a silo answers it: before its Orleans client has reached a gateway,
/// or while every silo is gone, a load balancer should send its requests to another front.
/// </summary>
public sealed class ClusterReachableCheck(IGrainFactory grains, IHostApplicationLifetime lifetime, RedisConnection redis) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RedisPatience = TimeSpan.FromSeconds(1);

    /// <summary>The longest it takes to say no silo answers (a silo, then Redis's connection and PING): a probe must wait longer to hear why.</summary>
    public static TimeSpan LongestAnswer => Patience + RedisPatience * 2;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the process is shutting down");
        }

        try
        {
            var silos = await grains.Ref<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy($"{silos.Count} active silo(s) answer");
        }
        catch (Exception e) when (Api.ClusterUnavailableHandler.IsRedisUnavailable(e))
        {
            // The silo answered with Redis's failure (membership lives there): the silos are not what to look at.
            return HealthCheckResult.Unhealthy("a silo answers, but not Redis behind it: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // In the operator's words, not Orleans' own ("Response did not arrive on time ... IManagementGrain ..."). No
            // exception attached: it would log a stack trace on every probe; the readiness log says when it changes.
            // Silos stuck on a stalled Redis answer nobody: gateway ports were then the wrong place to look.
            return await redis.AnswersAsync(RedisPatience)
                ? HealthCheckResult.Unhealthy($"no silo answers ({WhatHappened(e)}): is a silo running, and does this front reach its gateway port (Orleans:Endpoints:GatewayPort, 30000 unless set) with the same Orleans:ClusterId and ServiceId?")
                : HealthCheckResult.Unhealthy($"no silo answers ({WhatHappened(e)}), and Redis does not answer this front either: look at Redis first, where the silos find each other and keep their state (the redis check says more)");
        }
    }

    private static string WhatHappened(Exception e) => e switch
    {
        TimeoutException => $"none within {Patience.TotalSeconds:0} s",
        SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException => "the silo it knew is gone",
        OrleansMessageRejectionException => "no gateway takes its requests",
        ArgumentException => "it has found no silo's gateway listed in Redis", // Orleans' client with an empty gateway list, as its own warning says
        _ => e.GetType().Name,
    };
}
