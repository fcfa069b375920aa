using CxLive.Dashboard.Redis;
using CxLive.Grains.Storage;
using StackExchange.Redis;

namespace CxLive.Silo.Redis;

/// <summary>
/// Records as one Redis hash per scope, <c>{ServiceId}/records/{scope}</c>, a field per record: a
/// change is one <c>HSET</c> (and an <c>HDEL</c> for what it removed) in a transaction, carrying
/// only the records it touched; loading is one <c>HGETALL</c> when the grain wakes.
/// </summary>
public sealed class RedisRecordStore(RedisConnection connection, string serviceId) : IRecordStore
{
    private RedisKey Key(string scope) => $"{serviceId}/records/{scope}";

    public async Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope)
    {
        var db = (await connection.GetAsync()).GetDatabase();
        var entries = await db.HashGetAllAsync(Key(scope));
        return entries.ToDictionary(e => (string)e.Name!, e => (byte[])e.Value!, StringComparer.Ordinal);
    }

    public async Task WriteAsync(string scope, IReadOnlyList<KeyValuePair<string, byte[]?>> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var db = (await connection.GetAsync()).GetDatabase();
        var key = Key(scope);
        var set = records.Where(r => r.Value is not null).Select(r => new HashEntry(r.Key, r.Value)).ToArray();
        var removed = records.Where(r => r.Value is null).Select(r => (RedisValue)r.Key).ToArray();
        if (removed.Length == 0)
        {
            await db.HashSetAsync(key, set);
            return;
        }

        var transaction = db.CreateTransaction();
        var writes = new List<Task>(2);
        if (set.Length > 0)
        {
            writes.Add(transaction.HashSetAsync(key, set));
        }

        writes.Add(transaction.HashDeleteAsync(key, removed));
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"the write of {records.Count} records to {key} did not commit");
        }

        await Task.WhenAll(writes);
    }
}
