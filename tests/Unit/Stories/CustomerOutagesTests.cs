using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api;

namespace CxLive.Tests.Unit.Stories;

/// <summary>Which outage a customer's failure fell in: her view names it, and only it.</summary>
public sealed class CustomerOutagesTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 3, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lookback = TimeSpan.FromMinutes(15);

    private static Incident Outage(string id, DateTimeOffset opened, DateTimeOffset? resolved = null, string touchpoint = "web/search") => new()
    {
        Id = id, Touchpoint = touchpoint, AlertId = "a-" + id, Title = "degraded", OpenedAt = opened, ResolvedAt = resolved, UpdatedAt = resolved ?? opened,
    };

    private static Interaction Search(DateTimeOffset at, Outcome outcome = Outcome.Failure, string touchpoint = "web/search") => new()
    {
        Id = Guid.NewGuid().ToString("N"), CustomerId = "ann", Timestamp = at, Channel = Channel.Web, Touchpoint = touchpoint, Type = InteractionTypes.Search, Outcome = outcome, Score = 3,
    };

    [Fact]
    public void A_failure_while_the_incident_was_open_or_in_the_lookback_before_it_falls_in_it()
    {
        var outages = new CustomerOutages([Outage("i-1", Opened, resolved: Opened.AddMinutes(30))], Lookback);

        Assert.Equal("i-1", outages.IncidentOf(Search(Opened.AddMinutes(-15)))?.Id);
        Assert.Equal("i-1", outages.IncidentOf(Search(Opened.AddMinutes(30)))?.Id);
        Assert.Null(outages.IncidentOf(Search(Opened.AddMinutes(-16))));
        Assert.Null(outages.IncidentOf(Search(Opened.AddMinutes(31))));
    }

    [Fact]
    public void Only_a_failure_at_the_incidents_touchpoint_falls_in_it()
    {
        var outages = new CustomerOutages([Outage("i-1", Opened)], Lookback);

        Assert.Null(outages.IncidentOf(Search(Opened.AddMinutes(1), Outcome.Success))); // found something: the outage did not touch her
        Assert.Null(outages.IncidentOf(Search(Opened.AddMinutes(1), touchpoint: "app/search")));
        Assert.Equal("i-1", outages.IncidentOf(Search(Opened.AddMinutes(1), Outcome.Success) with { Score = 0 })?.Id); // found nothing is a failure
    }

    [Fact]
    public void Of_two_outages_of_one_touchpoint_the_failure_names_the_one_open_then_and_the_view_lists_each_once_newest_first()
    {
        var outages = new CustomerOutages([Outage("i-old", Opened, resolved: Opened.AddMinutes(20)), Outage("i-new", Opened.AddMinutes(25))], Lookback);
        var timeline = new[] { Search(Opened.AddMinutes(1)), Search(Opened.AddMinutes(19)), Search(Opened.AddMinutes(22)) };

        Assert.Equal("i-old", outages.IncidentOf(timeline[1])?.Id); // in the old one's last minute, though also in the new one's lookback
        Assert.Equal("i-new", outages.IncidentOf(timeline[2])?.Id); // between them: the failures that opened the new one
        Assert.Equal(["i-new", "i-old"], outages.Of(timeline).Select(i => i.Id));
    }

    [Fact]
    public void Of_two_outages_opening_after_a_failure_it_names_the_first()
    {
        var outages = new CustomerOutages([Outage("i-1", Opened, resolved: Opened.AddMinutes(2)), Outage("i-2", Opened.AddMinutes(5))], Lookback);

        Assert.Equal("i-1", outages.IncidentOf(Search(Opened.AddMinutes(-1)))?.Id);
    }

    [Fact]
    public void A_failure_in_no_outage_may_join_one_until_the_lookback_after_it_has_passed()
    {
        var none = new CustomerOutages([], Lookback);
        var failed = Search(Opened);

        // Outages that open within the lookback after her failure take it in: her page must look again until then.
        Assert.Equal(Opened + Lookback, none.MayJoinOutageUntil([Search(Opened.AddMinutes(-5)), failed], Opened.AddMinutes(1)));
        Assert.Null(none.MayJoinOutageUntil([failed], Opened + Lookback));
        Assert.Null(none.MayJoinOutageUntil([Search(Opened, Outcome.Success)], Opened.AddMinutes(1))); // found something: no outage takes it in
        // Already in an outage: the open outage is what her page watches, not this.
        Assert.Null(new CustomerOutages([Outage("i-1", Opened.AddMinutes(-1))], Lookback).MayJoinOutageUntil([failed], Opened.AddMinutes(1)));
    }

    [Fact]
    public void Only_the_touchpoints_she_failed_at_are_asked_for_incidents()
    {
        var timeline = new[] { Search(Opened), Search(Opened, Outcome.Success, touchpoint: "app/search"), Search(Opened, touchpoint: "web/search") };

        Assert.Equal(["web/search"], CustomerOutages.TouchpointsFailedAt(timeline));
    }
}
