using CxLive.Grains.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CxLive.Tests.Unit.Storage;

/// <summary>Embedded mode's records: one writer per scope, the activation that claimed it last.</summary>
public sealed class MemoryRecordStoreTests
{
    private readonly MemoryRecordStore _store = new(Options.Create(new ClusterOptions { ServiceId = "unit", ClusterId = Guid.NewGuid().ToString("N") }));

    private static KeyValuePair<string, byte[]?> Record(string name, byte value) => new(name, [value]);

    [Fact]
    public async Task After_another_claim_the_earlier_claimers_write_is_refused_and_changes_nothing()
    {
        var first = await _store.ClaimAsync("alerts-0");
        await _store.WriteAsync(first.Claim, [Record("a", 1)]);
        Assert.True(await _store.HoldsAsync(first.Claim));
        var second = await _store.ClaimAsync("alerts-0");
        Assert.Equal([1], second.Records["a"]);
        Assert.False(await _store.HoldsAsync(first.Claim)); // what a superseded activation that only reads learns from its check
        Assert.True(await _store.HoldsAsync(second.Claim));

        var refused = await Assert.ThrowsAsync<ScopeClaimedElsewhereException>(() => _store.WriteAsync(first.Claim, [Record("a", 9), Record("b", 9), new("a", null)]));
        Assert.Contains("alerts-0", refused.Message, StringComparison.Ordinal);
        await _store.WriteAsync(second.Claim, [Record("c", 3)]);

        var stored = await _store.LoadAsync("alerts-0");
        Assert.Equal(["a", "c"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1], stored["a"]);
    }

    [Fact]
    public async Task Loading_another_grains_scope_claims_nothing_and_each_scope_has_its_own_claim()
    {
        var book = await _store.ClaimAsync("alerts-1");
        var desk = await _store.ClaimAsync("outreach-1");
        await _store.LoadAsync("alerts-1"); // as the webhook outbox reads its partition's records

        await _store.WriteAsync(book.Claim, [Record("a", 1)]);
        await _store.WriteAsync(desk.Claim, [Record("p", 2)]);
        Assert.Equal([1], (await _store.LoadAsync("alerts-1"))["a"]);
    }
}
