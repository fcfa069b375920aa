using CxLive.Dashboard.Redis;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace CxLive.Silo.Redis;

/// <summary>
/// Records or checks <c>Alerts:Partitions</c> (<see cref="AlertLayout"/>) as the silo starts, before
/// it joins and before any grain can touch an alert. It runs inside the silo's start, so Kestrel
/// already listens (<c>/health/live</c> answers) while it waits. A stalled Redis is waited for, as
/// the membership waits for it; one that refuses the connection fails the start (exit 69, as the
/// membership would); another count fails it with one line (exit 78).
/// </summary>
public sealed class AlertLayoutOnStart(RedisConnection redis, IOptions<ClusterOptions> cluster, IOptions<AlertOptions> alerts) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AlertLayoutOnStart), ServiceLifecycleStage.RuntimeInitialize, CheckAsync);

    private async Task CheckAsync(CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                await AlertLayout.RecordOrCheckAsync(redis, cluster.Value.ServiceId, alerts.Value.Partitions);
                return;
            }
            catch (RedisTimeoutException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation); // stalled: it may wake up
            }
        }
    }
}
