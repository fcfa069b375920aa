using CxLive.Dashboard.Feed;
using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Unit.Feed;

/// <summary>How a web server decides what to pass on and when a change went missing (the feed relay's rules, on a fake clock).</summary>
public sealed class SequenceTrackerTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-02T09:00:00Z"));

    private SequenceTracker StartedAt(long head)
    {
        var tracker = new SequenceTracker(_clock, Grace);
        Assert.False(tracker.ShouldCatchUp(head)); // what was published before this server started is history
        return tracker;
    }

    /// <summary>
    /// A server whose first read of a partition came late passes on what changed since it started by
    /// itself, up to the partition's head then, and follows from there: a push that came before that
    /// read does not make the changes between the head and it count as passed on.
    /// </summary>
    [Fact]
    public void After_a_late_first_read_a_change_missing_below_an_earlier_push_is_caught_up_not_skipped()
    {
        var tracker = new SequenceTracker(_clock, Grace);
        Assert.True(tracker.Accept(13)); // pushed before the first read: followed from there

        tracker.FollowFrom(10);

        Assert.Equal(10, tracker.Watermark);
        Assert.False(tracker.ShouldCatchUp(13)); // 11 to 13 published and maybe still in flight
        _clock.Advance(Grace);
        Assert.True(tracker.ShouldCatchUp(13)); // 11 and 12 never came: read them from the partition
        Assert.False(tracker.Accept(10));
        Assert.True(tracker.Accept(11));
    }

    [Fact]
    public void Each_change_is_passed_on_once_however_often_it_arrives()
    {
        var tracker = StartedAt(10);

        Assert.True(tracker.Accept(11));
        Assert.False(tracker.Accept(11));
        Assert.False(tracker.Accept(9)); // before this server started
        Assert.Equal(11, tracker.Watermark);
    }

    [Fact]
    public void Changes_that_arrive_out_of_order_are_each_passed_on_and_the_watermark_waits_for_the_hole()
    {
        var tracker = StartedAt(0);

        Assert.True(tracker.Accept(2));
        Assert.True(tracker.Accept(3));
        Assert.Equal(0, tracker.Watermark);
        Assert.True(tracker.Accept(1));
        Assert.Equal(3, tracker.Watermark);
        Assert.False(tracker.Accept(2));
    }

    [Fact]
    public void A_change_still_in_flight_is_not_mistaken_for_a_lost_one()
    {
        var tracker = StartedAt(0);

        Assert.False(tracker.ShouldCatchUp(5)); // published, not arrived yet
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        foreach (var sequence in new long[] { 1, 2, 3, 4, 5 })
        {
            tracker.Accept(sequence);
        }

        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.False(tracker.ShouldCatchUp(9)); // 6..9 were published since: in flight in their turn
        _clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var sequence in new long[] { 6, 7, 8, 9 })
        {
            tracker.Accept(sequence);
        }

        Assert.False(tracker.ShouldCatchUp(9));
    }

    [Fact]
    public void A_change_published_a_grace_period_ago_and_never_received_calls_for_a_catch_up()
    {
        var tracker = StartedAt(0);
        tracker.Accept(1);
        tracker.Accept(3); // 2 was lost on its way

        Assert.False(tracker.ShouldCatchUp(3));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(tracker.ShouldCatchUp(3));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(tracker.ShouldCatchUp(3));

        // The catch-up read the partition up to 3 (2's alert as it is now): nothing is missing any more.
        Assert.True(tracker.Accept(2));
        tracker.CaughtUpTo(3);
        Assert.Equal(3, tracker.Watermark);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(tracker.ShouldCatchUp(3));
    }

    [Fact]
    public void A_last_change_lost_when_nothing_follows_it_is_still_found_by_the_published_number()
    {
        var tracker = StartedAt(7);

        Assert.False(tracker.ShouldCatchUp(8)); // the push of 8 never comes, and the partition goes quiet
        _clock.Advance(Grace);
        Assert.True(tracker.ShouldCatchUp(8));
    }

    [Fact]
    public void A_catch_up_covers_changes_that_a_later_change_superseded()
    {
        var tracker = StartedAt(0);
        tracker.Accept(1);

        // The partition changed one alert at 2, 3 and 4; a catch-up returns it once, numbered 4.
        Assert.True(tracker.Accept(4));
        tracker.CaughtUpTo(4);

        Assert.Equal(4, tracker.Watermark);
        Assert.False(tracker.Accept(2)); // the late pushes of the superseded changes are duplicates now
        Assert.False(tracker.Accept(3));
    }
}
