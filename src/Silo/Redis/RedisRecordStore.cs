using CxLive.Dashboard.Redis;
using CxLive.Grains.Storage;
using StackExchange.Redis;

namespace CxLive.Silo.Redis;

/// <summary>
/// Records as one Redis hash per scope, <c>{ServiceId}/records/{scope}</c>, a field per record, and
/// the scope's claim as a counter, <c>{ServiceId}/claims/{scope}</c>. Claiming is one transaction
/// (<c>INCR</c> the claim, <c>HGETALL</c> the records) when the grain wakes; a change is one script
/// that checks the claim and runs <c>HSET</c> (and <c>HDEL</c> for what it removed) with only the
/// records it touched.
/// </summary>
public sealed class RedisRecordStore(RedisConnection connection, string serviceId) : IRecordStore
{
    /// <summary>
    /// KEYS: the records, the claim. ARGV: the claim's number, how many records are set, their
    /// names and values, then the names removed. Chunked, as Lua's unpack has a stack limit.
    /// </summary>
    private const string WriteScript = """
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
        local setEnd = 2 + 2 * tonumber(ARGV[2])
        for i = 3, setEnd, 1000 do
          redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + 999, setEnd)))
        end
        for i = setEnd + 1, #ARGV, 1000 do
          redis.call('HDEL', KEYS[1], unpack(ARGV, i, math.min(i + 999, #ARGV)))
        end
        return 1
        """;

    private RedisKey Key(string scope) => $"{serviceId}/records/{scope}";

    private RedisKey ClaimKey(string scope) => $"{serviceId}/claims/{scope}";

    public async Task<ClaimedRecords> ClaimAsync(string scope)
    {
        var db = (await connection.GetAsync()).GetDatabase();
        var transaction = db.CreateTransaction();
        var claim = transaction.StringIncrementAsync(ClaimKey(scope));
        var entries = transaction.HashGetAllAsync(Key(scope));
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"the claim of {Key(scope)} did not commit");
        }

        return new ClaimedRecords(new RecordClaim(scope, await claim), ToRecords(await entries));
    }

    public async Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope)
    {
        var db = (await connection.GetAsync()).GetDatabase();
        return ToRecords(await db.HashGetAllAsync(Key(scope)));
    }

    public async Task WriteAsync(RecordClaim claim, IReadOnlyList<KeyValuePair<string, byte[]?>> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var set = records.Where(r => r.Value is not null).ToList();
        var values = new List<RedisValue>(2 + set.Count * 2 + records.Count - set.Count) { claim.Number, set.Count };
        foreach (var (name, value) in set)
        {
            values.Add(name);
            values.Add(value);
        }

        values.AddRange(records.Where(r => r.Value is null).Select(r => (RedisValue)r.Key));
        var db = (await connection.GetAsync()).GetDatabase();
        if ((int)await db.ScriptEvaluateAsync(WriteScript, [Key(claim.Scope), ClaimKey(claim.Scope)], [.. values]) != 1)
        {
            throw new ScopeClaimedElsewhereException(claim);
        }
    }

    /// <summary>As the write script judges a claim: the counter equal to its number (a missing counter holds none).</summary>
    public async Task<bool> HoldsAsync(RecordClaim claim)
    {
        var db = (await connection.GetAsync()).GetDatabase();
        return await db.StringGetAsync(ClaimKey(claim.Scope)) is { HasValue: true } current && (long)current == claim.Number;
    }

    private static Dictionary<string, byte[]> ToRecords(HashEntry[] entries) =>
        entries.ToDictionary(e => (string)e.Name!, e => (byte[])e.Value!, StringComparer.Ordinal);
}
