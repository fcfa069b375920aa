using CxLive.Grains.Storage;

namespace CxLive.Tests.Unit.Storage;

public sealed class DeliveryLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly DeliveryLedger _ledger = new();

    [Fact]
    public void An_id_any_consumer_delivered_and_has_not_acknowledged_is_not_counted_again()
    {
        Assert.True(_ledger.TryAdd("silo-a", "i-1", Now));
        Assert.False(_ledger.TryAdd("silo-a", "i-1", Now));
        Assert.False(_ledger.TryAdd("silo-b", "i-1", Now)); // silo-b took over silo-a's entry
        Assert.True(_ledger.TryAdd("silo-b", "i-2", Now));
    }

    [Fact]
    public void After_its_acknowledgement_a_consumers_ids_are_released_and_the_others_kept()
    {
        _ledger.TryAdd("silo-a", "i-1", Now);
        _ledger.TryAdd("silo-b", "i-2", Now);

        Assert.True(_ledger.Release("silo-a"));
        Assert.True(_ledger.TryAdd("silo-c", "i-1", Now));
        Assert.False(_ledger.TryAdd("silo-c", "i-2", Now));
        Assert.False(_ledger.Release("silo-a"));
    }

    [Fact]
    public void A_consumer_silent_for_longer_than_an_hour_is_forgotten()
    {
        _ledger.TryAdd("dead", "i-1", Now);
        _ledger.TryAdd("alive", "i-2", Now.AddMinutes(50));

        Assert.False(_ledger.Forget(Now + DeliveryLedger.KeptFor));
        Assert.True(_ledger.Forget(Now + DeliveryLedger.KeptFor + TimeSpan.FromSeconds(1)));
        Assert.Equal(["alive"], _ledger.ByConsumer.Keys);
    }
}
