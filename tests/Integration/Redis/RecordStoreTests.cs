using CxLive.Dashboard.Redis;
using CxLive.Grains.Storage;
using CxLive.Silo.Redis;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>Records in a real Redis: one writer per scope, and writes of any size in one script.</summary>
public sealed class RecordStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task After_another_claim_the_earlier_claimers_write_is_refused_and_changes_nothing()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        var store = new RedisRecordStore(connection, "claims");
        var first = await store.ClaimAsync("outreach-0");
        await store.WriteAsync(first.Claim, [new("p:1", [1])]);
        Assert.True(await store.HoldsAsync(first.Claim));
        var second = await store.ClaimAsync("outreach-0");
        Assert.Equal([1], second.Records["p:1"]);
        Assert.False(await store.HoldsAsync(first.Claim)); // what a superseded activation that only reads learns from its check
        Assert.True(await store.HoldsAsync(second.Claim));

        await Assert.ThrowsAsync<ScopeClaimedElsewhereException>(() => store.WriteAsync(first.Claim, [new("p:2", [2]), new("p:1", null)]));
        await store.WriteAsync(second.Claim, [new("p:3", [3])]);

        Assert.Equal(["p:1", "p:3"], (await store.LoadAsync("outreach-0")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, await redis.Db.HashLengthAsync("claims/records/outreach-0")); // the claim is a key of its own, not a record
    }

    [Fact]
    public async Task A_write_of_thousands_of_records_sets_and_removes_them_all()
    {
        await using var connection = new RedisConnection(redis.ConnectionString);
        var store = new RedisRecordStore(connection, "large");
        var claim = (await store.ClaimAsync("insights-2026-12-03")).Claim;
        await store.WriteAsync(claim, [.. Enumerable.Range(0, 5_000).Select(n => KeyValuePair.Create($"f:{n}", (byte[]?)BitConverter.GetBytes(n)))]);

        await store.WriteAsync(claim, [
            .. Enumerable.Range(0, 2_500).Select(n => KeyValuePair.Create($"f:{n}", (byte[]?)null)),
            .. Enumerable.Range(5_000, 1_500).Select(n => KeyValuePair.Create($"f:{n}", (byte[]?)BitConverter.GetBytes(n)))]);

        var stored = await store.LoadAsync("insights-2026-12-03");
        Assert.Equal(4_000, stored.Count);
        Assert.Equal(6_499, BitConverter.ToInt32(stored["f:6499"]));
        Assert.DoesNotContain("f:0", stored.Keys);
    }
}
