using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Customers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxLive.Tests.Unit.Customers;

/// <summary>The compact timeline gives back every field a person sees on the customer, exactly as sent.</summary>
public sealed class TimelineEntryTests
{
    private static readonly Interaction Full = new()
    {
        Id = "order-lookup-2026-11-29T07:00:00Z-Ω",
        CustomerId = "c-42",
        Timestamp = new DateTimeOffset(2026, 11, 29, 7, 30, 15, 123, TimeSpan.FromHours(-5.5)).AddTicks(4567),
        Channel = Channel.CallCenter,
        Touchpoint = "call-center/queue-ü",
        Type = InteractionTypes.Contact,
        Outcome = Outcome.Abandoned,
        Stage = JourneyStage.Service,
        CaseId = "case-7",
        Score = -3.25,
        Attributes = new() { ["query"] = "红色的鞋", ["orderId"] = "A-1", ["empty"] = "" },
        Source = "crm-connector",
    };

    [Fact]
    public void Every_field_comes_back_as_sent()
    {
        var back = TimelineEntry.Decode(TimelineEntry.Encode(Full), Full.CustomerId);

        Assert.Equal(Full with { Attributes = null }, back with { Attributes = null });
        Assert.Equal(Full.Timestamp.Offset, back.Timestamp.Offset);
        Assert.Equal(Full.Attributes, back.Attributes);
    }

    [Fact]
    public void Absent_parts_stay_absent_and_take_no_room()
    {
        var bare = Full with { Stage = null, CaseId = null, Score = null, Attributes = null, Source = null, Outcome = Outcome.Success };

        var entry = TimelineEntry.Encode(bare);
        var back = TimelineEntry.Decode(entry, bare.CustomerId);

        Assert.Equal(bare, back);
        Assert.True(entry.Length < TimelineEntry.Encode(Full).Length - 50);
        Assert.Equal(bare.Timestamp.UtcTicks, TimelineEntry.UtcTicks(entry));
    }

    [Fact]
    public void A_type_outside_the_catalogue_comes_back_too_and_every_catalogue_type_takes_one_byte()
    {
        var custom = Full with { Type = "warranty-claim", Attributes = null };
        Assert.Equal(custom, TimelineEntry.Decode(TimelineEntry.Encode(custom), custom.CustomerId));

        var sizes = InteractionTypes.All.Select(type => TimelineEntry.Encode(Full with { Type = type, Attributes = null }).Length).Distinct();
        Assert.True(TimelineEntry.Encode(custom).Length >= Assert.Single(sizes) + 8); // a byte, not the name's 14
    }

    [Fact]
    public void State_saved_with_whole_interactions_reads_into_the_compact_timeline()
    {
        var older = Full with { Id = "a", Timestamp = Full.Timestamp.AddMinutes(-1), Attributes = null };
        var newer = Full with { Id = "b", Attributes = null };
        var saved = new CustomerState { LegacyTimeline = [older, newer], RecentlyAccepted = [new AcceptedId(1, 2)] };

        var reloaded = RoundTrip(saved);
        reloaded.TryRecord(Full with { Id = "c", Timestamp = Full.Timestamp.AddMinutes(1), Attributes = null }, new CustomerOptions(), DateTimeOffset.UtcNow);

        Assert.Equal(["a", "b", "c"], reloaded.TimelineOf("c-42").Select(i => i.Id));
        Assert.Null(reloaded.LegacyTimeline);
        Assert.Null(reloaded.RecentlyAccepted);
    }

    [Fact]
    public void The_compact_timeline_survives_a_save_and_a_load()
    {
        var state = new CustomerState();
        state.TryRecord(Full, new CustomerOptions(), DateTimeOffset.UtcNow);

        var back = Assert.Single(RoundTrip(state).TimelineOf(Full.CustomerId));

        Assert.Equal(Full.Attributes, back.Attributes);
        Assert.Equal(Full with { Attributes = null }, back with { Attributes = null });
    }

    /// <summary>Through the Orleans serializer, as the customer's state goes to Redis and back.</summary>
    private static CustomerState RoundTrip(CustomerState state)
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(CustomerState).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        return serializer.Deserialize<CustomerState>(serializer.SerializeToArray(state))!;
    }
}
