using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// <c>Alerts:Partitions</c> fixes where a service's alerts live: ids name their partition and a
/// customer's alerts are found by hashing their id. A process started with another count looks for
/// alerts where they are not, and a wall fed by it silently shows a part of them: a
/// <see cref="SharedSetting"/>.
/// </summary>
public static class AlertLayout
{
    public const string Name = "alert-partitions";

    public static SharedSetting Setting(int partitions) => new(Name, partitions, (serviceId, recorded) => Mismatch(serviceId, partitions, recorded));

    /// <summary>What to change, or null when this process agrees with the recorded count (or none is recorded).</summary>
    public static string? Mismatch(string serviceId, int partitions, RedisValue recorded) =>
        !recorded.HasValue ? null
        : !int.TryParse(recorded.ToString(), out var count) || count < 1
            ? $"Redis key '{SharedSettings.Key(serviceId, Name)}' should hold service '{serviceId}''s alert partition count and holds '{recorded}': set it to the count the cluster was started with (Alerts:Partitions, 8 unless changed)."
        : count != partitions
            ? $"Alerts:Partitions is {partitions} here, but service '{serviceId}' keeps its alerts in {count} partitions (Redis key '{SharedSettings.Key(serviceId, Name)}', recorded by its first silo): set Alerts:Partitions={count} on every silo and web front; the count stays fixed for the life of the data."
        : null;
}
