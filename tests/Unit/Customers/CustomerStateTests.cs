using CxLive.Customers;
using CxLive.Journeys;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Customers;

public sealed class CustomerStateTests
{
    private readonly Journey _journey = new();
    private readonly CustomerState _state = new();
    private readonly CustomerOptions _options = new() { TimelineCapacity = 3, DedupCapacity = 4 };

    [Fact]
    public void ReSentId_IsADuplicate_AndChangesNothing()
    {
        var search = _journey.FailedSearch();

        Assert.True(_state.TryRecord(search, _options));
        Assert.False(_state.TryRecord(search with { Type = InteractionTypes.PageView }, _options));

        Assert.Equal(1, _state.InteractionCount);
        Assert.Equal([search], _state.Timeline);
    }

    [Fact]
    public void Timeline_IsInEventTimeOrder_NewestKept()
    {
        var a = _journey.Make(InteractionTypes.PageView);
        var b = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PageView);
        var c = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PageView);
        var d = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PageView);
        var lateOldest = _journey.Make(InteractionTypes.PageView, at: a.Timestamp - TimeSpan.FromMinutes(1));

        foreach (var interaction in new[] { b, d, a, c, lateOldest })
        {
            _state.TryRecord(interaction, _options);
        }

        Assert.Equal([b, c, d], _state.Timeline);
        Assert.Equal(5, _state.InteractionCount);
        Assert.Equal(lateOldest.Timestamp, _state.FirstSeen);
        Assert.Equal(d.Timestamp, _state.LastSeen);
        Assert.Equal([d, c, b], _state.Snapshot("c-1").Timeline.ToArray());
    }

    [Fact]
    public void CountsPerChannelAndStage()
    {
        _state.TryRecord(_journey.Make(InteractionTypes.PageView, channel: Channel.Web, stage: JourneyStage.Discover), _options);
        _state.TryRecord(_journey.Make(InteractionTypes.Contact, channel: Channel.CallCenter, stage: JourneyStage.Service), _options);
        _state.TryRecord(_journey.Make(InteractionTypes.Contact, channel: Channel.CallCenter), _options);

        var snapshot = _state.Snapshot("c-1");

        Assert.Equal(new Dictionary<Channel, long> { [Channel.Web] = 1, [Channel.CallCenter] = 2 }, snapshot.ByChannel);
        Assert.Equal(new Dictionary<JourneyStage, long> { [JourneyStage.Discover] = 1, [JourneyStage.Service] = 1 }, snapshot.ByStage);
    }

    [Fact]
    public void RecentIds_ForgetsTheOldest_BeyondCapacity()
    {
        var ids = new RecentIds();
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            Assert.True(ids.Add(id, capacity: 4));
        }

        Assert.True(ids.Add("a", capacity: 4));   // forgotten: fifth newer id pushed it out
        Assert.False(ids.Add("e", capacity: 4));
    }

    [Fact]
    public void RecentIds_AfterReload_StillKnowsItsIds_AndHonoursANewCapacity()
    {
        var ids = new RecentIds();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            ids.Add(id, capacity: 4);
        }

        var reloaded = new RecentIds { Ring = ids.Ring, Count = ids.Count, Next = ids.Next };

        Assert.False(reloaded.Add("d", capacity: 2));
        Assert.False(reloaded.Add("c", capacity: 2));
        Assert.True(reloaded.Add("b", capacity: 2)); // not among the 2 newest kept
    }
}
