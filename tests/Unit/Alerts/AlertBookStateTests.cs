using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Grains.Alerts;
using CxLive.Grains.Feed;

namespace CxLive.Tests.Unit.Alerts;

public sealed class AlertBookStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly AlertBookState _book = new();
    private readonly AlertOptions _options = new();

    private static AlertSignal Raise(string customer, params string[] evidence) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = "repeated-failed-search",
        CustomerId = customer,
        Touchpoint = "web/search",
        Title = $"{evidence.Length} failed searches",
        Detail = "detail",
        Evidence = [.. evidence],
        At = Now,
    };

    private static AlertSignal Resolve(string customer) => new()
    {
        Kind = SignalKind.Resolve,
        RuleId = "repeated-failed-search",
        CustomerId = customer,
        At = Now,
        Reason = "A search found results.",
    };

    [Fact]
    public void Same_condition_never_opens_two_alerts()
    {
        var raised = _book.Apply(Raise("c-1", "a", "b", "c"), Now, _options)!;
        var repeated = _book.Apply(Raise("c-1", "a", "b", "c", "d"), Now.AddMinutes(1), _options)!;

        Assert.Equal(AlertChangeKind.Raised, raised.Kind);
        Assert.Equal(AlertChangeKind.Updated, repeated.Kind);
        Assert.Equal(raised.Alert.Id, repeated.Alert.Id);
        Assert.Equal(["a", "b", "c", "d"], repeated.Alert.Evidence.ToArray());
        Assert.Equal("4 failed searches", repeated.Alert.Title);
        Assert.Equal(2, repeated.Alert.Occurrences);
        Assert.Equal(Now.AddMinutes(1), repeated.Alert.UpdatedAt);
        Assert.Equal(Now, repeated.Alert.RaisedAt);
        Assert.Single(_book.ById);
    }

    [Fact]
    public void Other_customers_get_their_own_alerts()
    {
        var one = _book.Apply(Raise("c-1", "a"), Now, _options)!;
        var two = _book.Apply(Raise("c-2", "b"), Now, _options)!;

        Assert.NotEqual(one.Alert.Id, two.Alert.Id);
        Assert.Equal([two.Alert.Id, one.Alert.Id], _book.NewestFirst().Select(a => a.Id));
    }

    [Fact]
    public void Resolve_closes_the_open_alert_with_history_and_a_new_raise_opens_a_fresh_one()
    {
        var raised = _book.Apply(Raise("c-1", "a"), Now, _options)!;
        var resolved = _book.Apply(Resolve("c-1"), Now.AddMinutes(2), _options)!;
        var again = _book.Apply(Raise("c-1", "z"), Now.AddMinutes(3), _options)!;

        Assert.Equal(AlertState.Resolved, resolved.Alert.State);
        Assert.Equal(Now.AddMinutes(2), resolved.Alert.ResolvedAt);
        Assert.Equal(
            [(AlertState.Open, "rule:repeated-failed-search"), (AlertState.Resolved, "rule:repeated-failed-search")],
            resolved.Alert.History.Select(h => (h.State, h.By)));
        Assert.Equal("A search found results.", resolved.Alert.History[^1].Note);
        Assert.Equal(AlertChangeKind.Raised, again.Kind);
        Assert.NotEqual(raised.Alert.Id, again.Alert.Id);
    }

    [Fact]
    public void Resolve_with_nothing_open_changes_nothing()
    {
        Assert.Null(_book.Apply(Resolve("c-1"), Now, _options));
        Assert.Empty(_book.ById);
    }

    [Fact]
    public void Trim_forgets_oldest_resolved_keeps_every_open_alert()
    {
        var open = _book.Apply(Raise("c-0", "x"), Now, _options)!.Alert.Id;
        for (var i = 1; i <= 4; i++)
        {
            _book.Apply(Raise($"c-{i}", "x"), Now.AddSeconds(i), _options);
            _book.Apply(Resolve($"c-{i}"), Now.AddSeconds(i), _options);
        }

        _book.Trim(resolvedKept: 2, Now.AddSeconds(5));

        Assert.Equal(3, _book.ById.Count);
        Assert.Contains(open, _book.ById.Keys);
        Assert.Equal(["c-4", "c-3", "c-0"], _book.NewestFirst().Select(a => a.CustomerId));
    }

    [Fact]
    public void Trim_forgets_alerts_resolved_longer_ago_than_the_retention_whatever_their_number()
    {
        var open = _book.Apply(Raise("c-0", "x"), Now.AddDays(-40), _options)!.Alert.Id;
        _book.Apply(Raise("c-1", "x"), Now.AddDays(-40), _options);
        _book.Apply(Resolve("c-1"), Now.AddDays(-31), _options);
        _book.Apply(Raise("c-2", "x"), Now.AddDays(-40), _options);
        _book.Apply(Resolve("c-2"), Now.AddDays(-29), _options);

        _book.Trim(resolvedKept: 100, Now, resolvedRetention: TimeSpan.FromDays(30));

        Assert.Equal(["c-2", "c-0"], _book.NewestFirst().Select(a => a.CustomerId)); // resolved 31 days ago: forgotten; open: always kept
        Assert.Contains(open, _book.ById.Keys);
    }
}
