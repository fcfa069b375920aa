using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;
using CxLive.Grains.Insights;

namespace CxLive.Tests.Unit.Alerts;

public class PainPointsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static Alert Raised(string rule, string customer, DateTimeOffset at, string touchpoint = "web/search", JourneyStage? stage = JourneyStage.Research,
        TimeSpan? acknowledgedAfter = null, TimeSpan? resolvedAfter = null, AlertOutcome? outcome = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        RuleId = rule,
        Severity = Severity.Warning,
        State = resolvedAfter is null ? AlertState.Open : AlertState.Resolved,
        CustomerId = customer,
        Touchpoint = touchpoint,
        Stage = stage,
        Title = rule,
        Detail = rule,
        Evidence = [],
        RaisedAt = at,
        UpdatedAt = at,
        AcknowledgedAt = at + acknowledgedAfter,
        ResolvedAt = at + resolvedAfter,
        Outcome = outcome,
        Fingerprint = rule + customer,
        History = [],
    };

    /// <summary>A simulated week: day d raises d+1 failed-search alerts (two of them for one customer on the last day) and one long wait on Wednesday.</summary>
    private static List<Alert> Week()
    {
        var alerts = new List<Alert>();
        for (var day = 0; day < 7; day++)
        {
            for (var n = 0; n <= day; n++)
            {
                alerts.Add(Raised("repeated-failed-search", day == 6 && n == 1 ? "c-6-0" : $"c-{day}-{n}", Monday.AddDays(day).AddHours(9 + n),
                    acknowledgedAfter: TimeSpan.FromMinutes(4), resolvedAfter: n == 0 ? TimeSpan.FromMinutes(30) : null, outcome: n == 0 ? AlertOutcome.Recovered : null));
            }
        }

        alerts.Add(Raised("long-wait", "c-w", Monday.AddDays(2).AddHours(15), "call-center/support-queue", JourneyStage.Service,
            resolvedAfter: TimeSpan.FromMinutes(90), outcome: AlertOutcome.Lost));
        alerts.Add(Raised("repeated-failed-search", "c-late", Monday.AddDays(7).AddMinutes(1))); // after the window
        return alerts;
    }

    [Fact]
    public void A_groups_own_words_come_from_its_own_rules_evidence_not_from_what_folded_in()
    {
        // A long wait that took in a drop sunk by failed searches quoted "kids raincoat" under "Long wait".
        var wait = Raised("long-wait", "c-1", Monday, "call-center/support-queue", JourneyStage.Service) with
        {
            Evidence = ["wait-1", "search-1", "search-2"],
            FoldedEvidence = ImmutableDictionary<string, string>.Empty.Add("search-1", "experience-drop").Add("search-2", "experience-drop"),
        };

        Assert.Equal<string>(["wait-1"], AlertFact.Of(wait).Evidence);
        Assert.Equal<string>(["q-1"], AlertFact.Of(Raised("repeated-failed-search", "c-2", Monday) with { Evidence = ["q-1"] }).Evidence);
    }

    [Fact]
    public void A_week_of_days_adds_up_per_group_and_day()
    {
        var report = PainPoints.Report(Week().Select(AlertFact.Of), Monday, Monday.AddDays(7), PainPointGroup.Rule);

        Assert.Equal(["repeated-failed-search", "long-wait"], report.Groups.Select(g => g.Group));
        var searches = report.Groups[0];
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], searches.Days.Select(d => d.Figures.Raised));
        Assert.Equal(DateOnly.FromDateTime(Monday.UtcDateTime).AddDays(6), searches.Days[^1].Day);
        Assert.Equal(6, searches.Days[^1].Figures.Customers); // c-6-0 had two alerts that day
        Assert.Equal(new PainPointFigures(28, 27, 7, 0, 21, 0, 0, 4, 30), searches.Total);
        Assert.Equal(new PainPointFigures(1, 1, 0, 1, 0, 0, 0, null, 90), report.Groups[1].Total);
        Assert.Equal(DateOnly.FromDateTime(Monday.UtcDateTime).AddDays(2), report.Groups[1].Days.Single().Day);
    }

    [Theory]
    [InlineData(PainPointGroup.Touchpoint, "web/search", "call-center/support-queue")]
    [InlineData(PainPointGroup.Stage, "research", "service")]
    [InlineData(PainPointGroup.Channel, "web", "call-center")]
    public void Groups_by_touchpoint_stage_or_channel(PainPointGroup by, string first, string second)
    {
        var report = PainPoints.Report(Week().Select(AlertFact.Of), Monday, Monday.AddDays(7), by);

        Assert.Equal([first, second], report.Groups.Select(g => g.Group));
    }

    [Fact]
    public void Every_customer_alert_is_recovered_lost_still_open_or_closed_with_an_outage()
    {
        // "28 alerts · 0 recovered · 1 lost" left a supervisor asking where the other 27 went: those
        // an outage absorbed close with it, outcome unknown, and the rest are still open.
        List<Alert> alerts =
        [
            Raised("repeated-failed-search", "a", Monday, resolvedAfter: TimeSpan.FromMinutes(5), outcome: AlertOutcome.Recovered),
            Raised("repeated-failed-search", "b", Monday, resolvedAfter: TimeSpan.FromMinutes(5), outcome: AlertOutcome.Lost),
            Raised("repeated-failed-search", "c", Monday, resolvedAfter: TimeSpan.FromMinutes(40)), // closed with the outage
            Raised("repeated-failed-search", "d", Monday),
            Raised("repeated-failed-search", "e", Monday),
            Raised("touchpoint-degradation", null!, Monday, resolvedAfter: TimeSpan.FromMinutes(40), outcome: AlertOutcome.Recovered), // the outage itself, resolved by hand "recovered": no customer ending, counted once
        ];

        var report = PainPoints.Report(alerts.Select(AlertFact.Of), Monday, Monday.AddDays(1), PainPointGroup.Rule);

        var searches = report.Groups.Single(g => g.Group == "repeated-failed-search").Total;
        Assert.Equal((5, 1, 1, 2, 1), (searches.Raised, searches.Recovered, searches.Lost, searches.Open, searches.OutcomeUnknown));
        var outage = report.Groups.Single(g => g.Group == "touchpoint-degradation").Total;
        Assert.Equal((0, 0, 1), (outage.Open, outage.OutcomeUnknown, outage.Ended)); // the outage ended: counted, so a group adds up

        // Grouped by touchpoint, the outage and the customers' alerts it took in share one group, and every alert is counted once.
        var byTouchpoint = PainPoints.Report(alerts.Select(AlertFact.Of), Monday, Monday.AddDays(1), PainPointGroup.Touchpoint);
        foreach (var f in byTouchpoint.Groups.Select(g => g.Total))
        {
            Assert.Equal(f.Raised, f.Recovered + f.Lost + f.Open + f.OutcomeUnknown + f.Ended);
        }
    }

    [Fact]
    public void A_weeks_means_weigh_every_alert_not_every_day()
    {
        // Monday: one alert acknowledged after 10 min; Tuesday: three after 2 min. The week's mean is 4, not 6.
        List<Alert> alerts =
        [
            Raised("long-wait", "a", Monday.AddHours(9), acknowledgedAfter: TimeSpan.FromMinutes(10)),
            .. Enumerable.Range(0, 3).Select(n => Raised("long-wait", $"b{n}", Monday.AddDays(1).AddHours(9), acknowledgedAfter: TimeSpan.FromMinutes(2))),
        ];

        var report = PainPoints.Report(alerts.Select(AlertFact.Of), Monday, Monday.AddDays(7), PainPointGroup.Rule);

        Assert.Equal(4, report.Groups.Single().Total.MeanMinutesToAcknowledge);
        Assert.Equal([10.0, 2.0], report.Groups.Single().Days.Select(d => d.Figures.MeanMinutesToAcknowledge!.Value));
    }

    [Fact]
    public void Alerts_without_stage_or_touchpoint_fall_into_none_not_out_of_the_count()
    {
        var report = PainPoints.Report([AlertFact.Of(Raised("experience-drop", "c-1", Monday, touchpoint: null!, stage: null))], Monday, Monday.AddDays(1), PainPointGroup.Stage);

        Assert.Equal(PainPoints.None, report.Groups.Single().Group);
    }

    [Fact]
    public void A_csv_line_quotes_the_words_of_its_days_alerts_even_when_typed_before_midnight()
    {
        // Searches at 23:59 made an alert at 00:02: its words were dropped from the new day's line,
        // as they were matched to the day they were typed on (seen on a test run just after midnight).
        var words = new CustomerWords("c-1", "garden hose", "search", Monday.AddMinutes(-1));
        var fact = AlertFact.Of(Raised("repeated-failed-search", "c-1", Monday.AddMinutes(2))) with { Words = words };

        var lines = PainPoints.Csv(PainPoints.Report([fact], Monday, Monday.AddDays(1), PainPointGroup.Rule)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("repeated-failed-search,2026-11-23,1,1,0,0,1,0,,,c-1: garden hose,0", lines[1]);
    }

    [Fact]
    public void Csv_has_one_line_per_group_and_day_and_quotes_what_needs_it()
    {
        var words = new CustomerWords("c-0-0", "=shoes, \"red\"", "search", Monday.AddHours(9));
        var facts = Week().Select(AlertFact.Of).Select(f => f.CustomerId == "c-0-0" ? f with { Words = words } : f);
        var report = PainPoints.Report(facts, Monday, Monday.AddDays(7), PainPointGroup.Rule);

        var lines = PainPoints.Csv(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(1 + 7 + 1, lines.Length);
        Assert.Equal("rule,day,raised,customers,recovered,lost,open,outcomeUnknown,meanMinutesToAcknowledge,meanMinutesToResolve,examples,ended", lines[0]);
        Assert.Equal("repeated-failed-search,2026-11-23,1,1,1,0,0,0,4,30,\"c-0-0: =shoes, \"\"red\"\"\",0", lines[1]);
        Assert.Equal("long-wait,2026-11-25,1,1,0,1,0,0,,90,,0", lines[^1]);
    }
}
