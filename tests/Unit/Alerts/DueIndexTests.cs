using CxLive.Grains.Alerts;

namespace CxLive.Tests.Unit.Alerts;

public sealed class DueIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset T(int minutes) => Start.AddMinutes(minutes);

    [Fact]
    public void A_changed_alert_moves_to_its_new_moment_a_resolved_one_leaves_and_a_tick_takes_only_what_is_due()
    {
        var dues = new Dictionary<string, DateTimeOffset?> { ["a"] = T(3), ["b"] = T(1), ["c"] = T(2) };
        var index = new DueIndex();
        foreach (var id in dues.Keys)
        {
            index.Touch(id);
        }

        Assert.Equal(T(1), index.Next(id => dues[id]));

        dues["b"] = T(5); // snoozed for longer
        index.Touch("b");
        dues["c"] = null; // resolved
        index.Touch("c");
        Assert.Equal(T(3), index.Next(id => dues[id]));

        Assert.Equal(["a"], index.TakeDue(T(4), id => dues[id]));
        Assert.Equal(T(5), index.Next(id => dues[id])); // "a" was left alone: out until it changes again
    }
}
