using CxLive.Dashboard.Hosting;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// <c>Alerts:Partitions</c> fixes where a service's alerts live: ids name their partition and a
/// customer's alerts are found by hashing their id. A process started with another count looks for
/// alerts where they are not, and a wall fed by it silently shows a part of them. So the first silo
/// records the count in Redis, and a silo or web front with another count refuses to start (or,
/// a front that could not ask at start, says "not ready").
/// </summary>
public static class AlertLayout
{
    public static string Key(string serviceId) => $"{serviceId}/settings/alert-partitions";

    /// <summary>A silo: records the count if none is recorded yet, then insists on the recorded one.</summary>
    public static async Task RecordOrCheckAsync(RedisConnection redis, string serviceId, int partitions)
    {
        var database = (await redis.GetAsync()).GetDatabase();
        await database.StringSetAsync(Key(serviceId), partitions, when: When.NotExists);
        if (Mismatch(serviceId, partitions, await database.StringGetAsync(Key(serviceId))) is { } problem)
        {
            throw new ConfigurationError(problem);
        }
    }

    /// <summary>
    /// A web front: what to change, or null when it agrees with the recorded count or none is
    /// recorded yet. Redis that does not answer within <paramref name="patience"/> throws
    /// (<see cref="TimeoutException"/> or a <see cref="RedisException"/>): connecting counts too.
    /// </summary>
    public static async Task<string?> MismatchAsync(RedisConnection redis, string serviceId, int partitions, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var database = (await redis.GetAsync().WaitAsync(patience, cancellationToken)).GetDatabase();
        return Mismatch(serviceId, partitions, await database.StringGetAsync(Key(serviceId)).WaitAsync(patience, cancellationToken));
    }

    /// <summary>What to change, or null when this process agrees with the recorded count (or none is recorded).</summary>
    public static string? Mismatch(string serviceId, int partitions, RedisValue recorded) =>
        !recorded.HasValue ? null
        : !int.TryParse(recorded.ToString(), out var count) || count < 1
            ? $"Redis key '{Key(serviceId)}' should hold service '{serviceId}''s alert partition count and holds '{recorded}': set it to the count the cluster was started with (Alerts:Partitions, 8 unless changed)."
        : count != partitions
            ? $"Alerts:Partitions is {partitions} here, but service '{serviceId}' keeps its alerts in {count} partitions (Redis key '{Key(serviceId)}', recorded by its first silo): set Alerts:Partitions={count} on every silo and web front; the count stays fixed for the life of the data."
        : null;
}
