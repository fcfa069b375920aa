using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Privacy;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>The settings every process of a service must share (<see cref="SharedSetting"/>), recorded in Redis by its first silo.</summary>
public static class SharedSettings
{
    public static string Key(string serviceId, string name) => $"{serviceId}/settings/{name}";

    /// <summary>This process's shared settings, from its options.</summary>
    public static (string ServiceId, SharedSetting[] Settings) Here(IServiceProvider services) =>
        (services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
        [
            AlertLayout.Setting(services.GetRequiredService<IOptions<AlertOptions>>().Value.Partitions),
            PseudonymKeyRecord.Setting(services.GetRequiredService<PrivacyRules>()),
        ]);

    /// <summary>A silo: records each setting if none is recorded yet, then insists on the recorded one.</summary>
    public static async Task RecordOrCheckAsync(RedisConnection redis, string serviceId, IEnumerable<SharedSetting> settings)
    {
        var database = (await redis.GetAsync()).GetDatabase();
        foreach (var setting in settings)
        {
            await database.StringSetAsync(setting.Key(serviceId), setting.Here, when: When.NotExists);
            if (setting.Mismatch(serviceId, await database.StringGetAsync(setting.Key(serviceId))) is { } problem)
            {
                throw new ConfigurationError(problem);
            }
        }
    }

    /// <summary>
    /// A web front: the first thing to change, or null when it agrees with every record (or none is
    /// recorded yet). Redis that does not answer within <paramref name="patience"/> throws
    /// (<see cref="TimeoutException"/> or a <see cref="RedisException"/>): connecting counts too.
    /// </summary>
    public static Task<string?> MismatchAsync(RedisConnection redis, string serviceId, IEnumerable<SharedSetting> settings, TimeSpan patience, CancellationToken cancellationToken = default) =>
        // One budget for the connection and every read: a slow Redis took 2 s for each, 6 s in all,
        // past a readiness probe's wait.
        FirstMismatchAsync(redis, serviceId, settings).WaitAsync(patience, cancellationToken);

    private static async Task<string?> FirstMismatchAsync(RedisConnection redis, string serviceId, IEnumerable<SharedSetting> settings)
    {
        var database = (await redis.GetAsync()).GetDatabase();
        foreach (var setting in settings)
        {
            var recorded = await database.StringGetAsync(setting.Key(serviceId));
            if (recorded.HasValue && setting.Mismatch(serviceId, recorded) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
