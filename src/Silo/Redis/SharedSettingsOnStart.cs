using CxLive.Dashboard.Redis;

namespace CxLive.Silo.Redis;

/// <summary>
/// Records or checks the service's shared settings (<see cref="SharedSettings"/>: the alert
/// partition count, the pseudonym key) as the silo starts, before it joins and before any grain can
/// touch an alert or a customer. It runs inside the silo's start, so Kestrel already listens
/// (<c>/health/live</c> answers) while it waits. A stalled Redis is waited for, as the membership
/// waits for it; one that refuses the connection fails the start (exit 69, as the membership
/// would); a setting that differs fails it with one line (exit 78).
/// </summary>
public sealed class SharedSettingsOnStart(RedisConnection redis, IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SharedSettingsOnStart), ServiceLifecycleStage.RuntimeInitialize, CheckAsync);

    private async Task CheckAsync(CancellationToken cancellation)
    {
        var (serviceId, settings) = SharedSettings.Here(services);
        while (true)
        {
            try
            {
                await SharedSettings.RecordOrCheckAsync(redis, serviceId, settings);
                return;
            }
            catch (StackExchange.Redis.RedisTimeoutException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation); // stalled: it may wake up
            }
        }
    }
}
