using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Customers;
using CxLive.Silo.Redis;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CxLive.Tests.Unit.Storage;

/// <summary>
/// Redis mode's state serializer against Orleans' own: state saved by a silo before the change
/// must load after it, and state saved after it must load in a silo that rolled back.
/// </summary>
public sealed class StateSerializerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(CustomerState).Assembly)).BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private static CustomerState Customer()
    {
        var state = new CustomerState();
        var at = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < 60; n++)
        {
            state.TryRecord(new Interaction
            {
                Id = $"i-{n}",
                CustomerId = "c-1",
                Timestamp = at.AddSeconds(n),
                Channel = Channel.Web,
                Touchpoint = "web/search",
                Type = InteractionTypes.Search,
                Outcome = n % 3 == 0 ? Outcome.Failure : Outcome.Success,
                Attributes = new() { ["query"] = $"red shoes {n}" },
            }, new CustomerOptions(), at.AddSeconds(n));
        }

        return state;
    }

    [Fact]
    public void It_writes_the_same_bytes_as_Orleans_own_storage_serializer_and_reads_what_that_one_wrote()
    {
        var serializer = _services.GetRequiredService<Serializer>();
        var ours = new StateSerializer(serializer);
        var orleans = new OrleansGrainStorageSerializer(serializer);
        var state = Customer();

        var written = ours.Serialize(state).ToArray();
        Assert.Equal(orleans.Serialize(state).ToArray(), written);
        Assert.True(written.Length > 2_000); // a real customer's worth, past the sizes the old buffer grew through

        var loaded = ours.Deserialize<CustomerState>(orleans.Serialize(state));
        static IEnumerable<(Interaction, string)> Seen(CustomerState s) => s.TimelineOf("c-1").Select(i => (i with { Attributes = null }, i.Attributes!["query"]));
        Assert.Equal(Seen(state), Seen(loaded));
        Assert.Equal(50, Seen(loaded).Count());
    }
}
