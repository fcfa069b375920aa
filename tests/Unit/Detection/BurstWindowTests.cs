using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection.Rules;

namespace CxLive.Tests.Unit.Detection;

/// <summary>A burst window keeps what detection needs and no more.</summary>
public sealed class BurstWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private static BurstMark Mark(int second, bool bad) =>
        new(T0.AddSeconds(second), $"i-{second}", bad, null, "web/search", null, Channel.Web);

    [Fact]
    public void Of_good_moments_in_a_row_only_the_first_and_last_are_kept()
    {
        var window = new BurstWindow();
        foreach (var second in new[] { 1, 2, 3, 4, 5 })
        {
            window.Insert(Mark(second, bad: false), Window);
        }

        window.Insert(Mark(6, bad: true), Window);
        window.Insert(Mark(8, bad: false), Window);
        window.Insert(Mark(7, bad: false), Window); // late, between a bad one and a good one

        Assert.Equal(["i-1", "i-5", "i-6", "i-7", "i-8"], window.Marks.Select(m => m.InteractionId));
    }

    [Fact]
    public void A_late_bad_moment_among_collapsed_good_ones_still_cannot_join_the_bad_ones_beyond_them()
    {
        var window = new BurstWindow();
        window.Insert(Mark(1, bad: true), Window);
        foreach (var second in new[] { 2, 3, 4, 5, 6 })
        {
            window.Insert(Mark(second, bad: false), Window);
        }

        window.Insert(Mark(7, bad: true), Window);
        window.Insert(Mark(4, bad: true), Window); // late: good moments on both sides

        Assert.Null(window.FindLatestRun(threshold: 2, Window));
        window.Insert(Mark(8, bad: true), Window);
        Assert.Equal(["i-7", "i-8"], window.FindLatestRun(threshold: 2, Window)!.Select(m => m.InteractionId));
    }
}
