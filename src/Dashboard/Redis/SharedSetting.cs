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
