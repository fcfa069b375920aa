using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Customers;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Customers;

public sealed class CustomerStateTests
{
    private readonly Journey _journey = new();
    private readonly CustomerState _state = new();
    private readonly CustomerOptions _options = new() { TimelineCapacity = 3, DedupCapacity = 4, RedeliveryWindow = TimeSpan.FromMinutes(10) };

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Resent_id_is_a_duplicate_and_changes_nothing()
    {
        var search = _journey.FailedSearch();

        Assert.True(_state.TryRecord(search, _options, Now));
        Assert.False(_state.TryRecord(search with { Type = InteractionTypes.PageView }, _options, Now));

        Assert.Equal(1, _state.InteractionCount);
        var kept = Assert.Single(_state.TimelineOf(search.CustomerId));
        Assert.Equal((search.Id, InteractionTypes.Search), (kept.Id, kept.Type));
        Assert.Equal(search.Attributes, kept.Attributes);
    }

    [Fact]
    public void An_id_accepted_within_the_redelivery_window_is_recent_and_not_after_it()
    {
        var search = _journey.FailedSearch();
        _state.TryRecord(search, _options, Now);

        Assert.True(_state.AcceptedRecently(search.Id, _options, Now + TimeSpan.FromMinutes(10)));
        Assert.False(_state.AcceptedRecently(search.Id, _options, Now + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1)));
        Assert.False(_state.AcceptedRecently("never-sent", _options, Now));
    }

    [Fact]
    public void Recent_acceptances_are_forgotten_past_the_window_and_capped_at_the_dedup_capacity()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => _journey.Make(InteractionTypes.PageView)).ToList();
        _state.TryRecord(ids[0], _options, Now);
        foreach (var later in ids.Skip(1))
        {
            _state.TryRecord(later, _options, Now + TimeSpan.FromMinutes(11));
        }

        Assert.False(_state.AcceptedRecently(ids[0].Id, _options, Now + TimeSpan.FromMinutes(11))); // past the window
        Assert.False(_state.AcceptedRecently(ids[1].Id, _options, Now + TimeSpan.FromMinutes(11))); // pushed out by 4 newer ids
        Assert.True(_state.AcceptedRecently(ids[5].Id, _options, Now + TimeSpan.FromMinutes(11)));
    }

    [Fact]
    public void Timeline_is_in_event_time_order_newest_kept()
    {
        var a = _journey.Make(InteractionTypes.PageView);
        var b = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PageView);
        var c = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PageView);
        var d = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PageView);
        var lateOldest = _journey.Make(InteractionTypes.PageView, at: a.Timestamp - TimeSpan.FromMinutes(1));

        foreach (var interaction in new[] { b, d, a, c, lateOldest })
        {
            _state.TryRecord(interaction, _options, Now);
        }

        Assert.Equal([b, c, d], _state.TimelineOf(a.CustomerId));
        Assert.Equal(5, _state.InteractionCount);
        Assert.Equal(lateOldest.Timestamp, _state.FirstSeen);
        Assert.Equal(d.Timestamp, _state.LastSeen);
        Assert.Equal([d, c, b], _state.Snapshot("c-1").Timeline.ToArray());
    }

    [Fact]
    public void A_full_timeline_keeps_exactly_the_newest_whether_they_are_longer_or_shorter_than_what_they_replace()
    {
        var sizes = new[] { 200, 5, 5, 300, 1, 40, 2, 2, 2, 150 };
        var sent = sizes.Select(n => _journey.After(TimeSpan.FromSeconds(1)).Make(InteractionTypes.Search, attributes: new() { ["query"] = new string('q', n) })).ToList();

        foreach (var interaction in sent)
        {
            _state.TryRecord(interaction, _options, Now);
        }

        var kept = _state.TimelineOf(sent[0].CustomerId).ToList();
        Assert.Equal(sent.TakeLast(3).Select(i => (i.Id, i.Attribute("query"))), kept.Select(i => (i.Id, i.Attribute("query"))));
    }

    [Fact]
    public void Counts_per_channel_and_stage()
    {
        _state.TryRecord(_journey.Make(InteractionTypes.PageView, channel: Channel.Web, stage: JourneyStage.Discover), _options, Now);
        _state.TryRecord(_journey.Make(InteractionTypes.Contact, channel: Channel.CallCenter, stage: JourneyStage.Service), _options, Now);
        _state.TryRecord(_journey.Make(InteractionTypes.Contact, channel: Channel.CallCenter), _options, Now);

        var snapshot = _state.Snapshot("c-1");

        Assert.Equal(new Dictionary<Channel, long> { [Channel.Web] = 1, [Channel.CallCenter] = 2 }, snapshot.ByChannel);
        Assert.Equal(new Dictionary<JourneyStage, long> { [JourneyStage.Discover] = 1, [JourneyStage.Service] = 1 }, snapshot.ByStage);
    }

    [Fact]
    public void Recent_ids_forgets_the_oldest_beyond_capacity()
    {
        var ids = new RecentIds();
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            Assert.True(ids.Add(id, capacity: 4, Now));
        }

        Assert.True(ids.Add("a", capacity: 4, Now));   // forgotten: fifth newer id pushed it out
        Assert.False(ids.Add("e", capacity: 4, Now));
    }

    [Theory]
    [InlineData(12, 30)]   // grows 8 -> 12, then wraps
    [InlineData(512, 300)] // grows 8 -> 16 -> ... -> 512, never full
    public void Recent_ids_grows_on_demand_and_remembers_exactly_the_newest(int capacity, int added)
    {
        var ids = new RecentIds();
        for (var i = 0; i < added; i++)
        {
            Assert.True(ids.Add($"id-{i}", capacity, Now));
        }

        var remembered = Enumerable.Range(0, added).Where(i => Remembers(ids, $"id-{i}", capacity));
        Assert.Equal(Enumerable.Range(Math.Max(0, added - capacity), Math.Min(added, capacity)), remembered);
        Assert.True(ids.Ring.Length <= capacity);
    }

    [Fact]
    public void Recent_ids_a_wrapped_ring_reloaded_with_more_capacity_keeps_all_and_grows()
    {
        var ids = new RecentIds();
        for (var i = 0; i < 10; i++)
        {
            ids.Add($"id-{i}", capacity: 4, Now); // remembers id-6 .. id-9, wrapped
        }

        var reloaded = new RecentIds { Ring = ids.Ring, Count = ids.Count, Next = ids.Next, AcceptedAt = ids.AcceptedAt };
        for (var i = 10; i < 20; i++)
        {
            Assert.True(reloaded.Add($"id-{i}", capacity: 16, Now));
        }

        Assert.All(Enumerable.Range(6, 14), i => Assert.True(Remembers(reloaded, $"id-{i}", 16)));
        Assert.False(Remembers(reloaded, "id-5", 16));
    }

    [Fact]
    public void Recent_ids_after_reload_still_knows_its_ids_and_honours_a_new_capacity()
    {
        var ids = new RecentIds();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            ids.Add(id, capacity: 4, Now);
        }

        var reloaded = new RecentIds { Ring = ids.Ring, Count = ids.Count, Next = ids.Next, AcceptedAt = ids.AcceptedAt };

        Assert.False(reloaded.Add("d", capacity: 2, Now));
        Assert.False(reloaded.Add("c", capacity: 2, Now));
        Assert.True(reloaded.Add("b", capacity: 2, Now)); // not among the 2 newest kept
    }

    [Fact]
    public void Recent_ids_saved_before_accepted_times_were_kept_still_knows_its_ids_as_accepted_long_ago()
    {
        var ids = new RecentIds();
        ids.Add("a", 4, Now);
        ids.Add("b", 4, Now);
        var older = new RecentIds { Ring = ids.Ring, Count = ids.Count, Next = ids.Next };

        Assert.False(older.AcceptedSince("a", Now - TimeSpan.FromDays(365)));
        Assert.False(older.Add("a", 4, Now));
        Assert.True(older.Add("c", 4, Now));
        Assert.True(older.AcceptedSince("c", Now));
        Assert.False(older.AcceptedSince("b", Now - TimeSpan.FromDays(365)));
    }

    [Fact]
    public void A_duplicate_is_recent_from_the_same_entry_only_another_entry_with_the_same_id_is_a_re_send()
    {
        var sent = _journey.Make(InteractionTypes.PageView);
        _state.TryRecord(sent with { StreamEntry = 7 }, _options, Now);

        Assert.True(_state.AcceptedRecentlyFromTheSameEntry(sent with { StreamEntry = 7 }, _options, Now)); // the entry delivered again
        Assert.False(_state.AcceptedRecentlyFromTheSameEntry(sent with { StreamEntry = 9 }, _options, Now)); // a re-sent copy
        Assert.True(_state.AcceptedRecentlyFromTheSameEntry(sent, _options, Now)); // not from the stream: cannot tell, so maybe
        Assert.False(_state.AcceptedRecentlyFromTheSameEntry(sent with { StreamEntry = 7 }, _options, Now + TimeSpan.FromMinutes(11)));
    }

    [Fact]
    public void Recent_ids_saved_before_entries_were_kept_treat_every_entry_as_possibly_the_same_and_keep_new_ones_aligned()
    {
        var ids = new RecentIds();
        ids.Add("a", 4, Now);
        ids.Add("b", 4, Now);
        var older = new RecentIds { Ring = ids.Ring, Count = ids.Count, Next = ids.Next, AcceptedAt = ids.AcceptedAt };

        Assert.True(older.AcceptedSince("a", Now, entry: 5));
        Assert.True(older.Add("c", 4, Now, entry: 5));
        Assert.True(older.AcceptedSince("c", Now, entry: 5));
        Assert.False(older.AcceptedSince("c", Now, entry: 6));
    }

    [Fact]
    public void Recent_ids_reloaded_with_less_capacity_keep_each_ids_entry()
    {
        var ids = new RecentIds();
        for (var i = 0; i < 6; i++)
        {
            ids.Add($"id-{i}", capacity: 4, Now, entry: (uint)(100 + i)); // wraps: remembers id-2 .. id-5
        }

        var reloaded = new RecentIds { Ring = ids.Ring, Count = ids.Count, Next = ids.Next, AcceptedAt = ids.AcceptedAt, Entries = ids.Entries };
        Assert.True(reloaded.Add("id-6", capacity: 2, Now, entry: 106)); // laid out again: id-5, id-6

        Assert.True(reloaded.AcceptedSince("id-5", Now, entry: 105));
        Assert.False(reloaded.AcceptedSince("id-5", Now, entry: 104));
        Assert.True(reloaded.AcceptedSince("id-6", Now, entry: 106));
    }

    /// <summary>Asks a reloaded copy (as after a restart), leaving the original untouched.</summary>
    private static bool Remembers(RecentIds ids, string id, int capacity) =>
        !new RecentIds { Ring = (ulong[])ids.Ring.Clone(), Count = ids.Count, Next = ids.Next, AcceptedAt = (int[])ids.AcceptedAt.Clone() }.Add(id, capacity, Now);
}
