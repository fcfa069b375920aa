using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Privacy;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// A setting every silo and web front of a service must share, or the data splits without an
/// error anywhere: the alert partition count (<see cref="AlertLayout"/>) and the pseudonym key
/// (<see cref="PseudonymKeyRecord"/>). The first silo records each in Redis; a silo that disagrees
/// refuses to start, and a web front refuses too (or, one that could not ask at start, is not ready).
/// </summary>
/// <param name="Name">The record's name: Redis key <c>{serviceId}/settings/{name}</c>.</param>
/// <param name="Here">What this process would record.</param>
/// <param name="Mismatch">What to change, given the service id and the recorded value; null when this process agrees.</param>
public sealed record SharedSetting(string Name, RedisValue Here, Func<string, RedisValue, string?> Mismatch)
{
    public string Key(string serviceId) => SharedSettings.Key(serviceId, Name);
}

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
    public static async Task<string?> MismatchAsync(RedisConnection redis, string serviceId, IEnumerable<SharedSetting> settings, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var database = (await redis.GetAsync().WaitAsync(patience, cancellationToken)).GetDatabase();
        foreach (var setting in settings)
        {
            var recorded = await database.StringGetAsync(setting.Key(serviceId)).WaitAsync(patience, cancellationToken);
            if (recorded.HasValue && setting.Mismatch(serviceId, recorded) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
