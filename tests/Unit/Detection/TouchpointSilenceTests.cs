using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Touchpoints;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>A busy touchpoint that goes quiet is an outage, judged minute by minute as time passes.</summary>
public sealed class TouchpointSilenceTests
{
    private readonly Journey _journey = new();
    private readonly TouchpointState _state = new();
    private readonly RuleBook _rules = RuleBook.Defaults(CustomerDetectors.Catalogue().Definitions);
    private readonly List<AlertSignal> _signals = [];

    /// <summary><paramref name="perMinute"/> events in each of the coming minutes, then the minute's time check, as the grain's timer does.</summary>
    private void Minutes(int minutes, int perMinute)
    {
        for (var m = 0; m < minutes; m++)
        {
            for (var i = 0; i < perMinute; i++)
            {
                _state.Record(_journey.Make(InteractionTypes.Checkout, "app/checkout"));
            }

            _journey.After(TimeSpan.FromMinutes(1));
            TouchpointRules.Evaluate(_rules, "app/checkout", _state, _journey.Now, _signals);
        }
    }

    private AlertSignal? Raised => _signals.SingleOrDefault(s => s.Kind == SignalKind.Raise && s.RuleId == TouchpointSilenceDetector.RuleId);

    [Fact]
    public void A_busy_touchpoint_that_stops_sending_raises_one_critical_alert_with_no_event_to_trigger_it()
    {
        Minutes(50, 6); // 60 per 10 minutes: twice the least watched

        Minutes(7, 0);
        Assert.Null(Raised); // 3 of 10 minutes still carry traffic: 18 events, above a fifth of 60

        Minutes(8, 0);
        var raise = Assert.IsType<AlertSignal>(Raised);
        Assert.Equal(("app/checkout", (string?)null, Severity.Critical), (raise.Touchpoint, raise.CustomerId, raise.Severity));
        Assert.StartsWith("app/checkout silent:", raise.Title);
        Assert.StartsWith("app/checkout 静默", raise.Translations[AlertLanguages.Chinese].Title);
        Assert.Single(_signals); // judged every minute, raised once
    }

    /// <summary>
    /// An integrator's trial sent 10,000 page views of a new touchpoint at once, stamped 10 min back: a
    /// minute later, "silent: 0 events in 10 min, against about 2000 usually", critical. One busy minute
    /// is a backfill, not a usual rate.
    /// </summary>
    [Fact]
    public void A_backfill_sent_at_once_is_not_a_usual_rate_to_fall_silent_from()
    {
        Minutes(1, 10_000);

        Minutes(20, 0);

        Assert.Empty(_signals);
    }

    /// <summary>A window's worth of busy minutes, but at most a third of the rest of the hour: a 30-min window needed every one of the 30 before it (the review).</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 10)]
    [InlineData(20, 13)]
    [InlineData(30, 10)]
    public void The_busy_minutes_a_usual_rate_needs(int window, int needed) =>
        Assert.Equal(needed, TouchpointSilenceDetector.BusyMinutesNeeded(window));

    [Fact]
    public void Traffic_in_a_windows_worth_of_minutes_is_a_usual_rate()
    {
        // Busy in 10 of the 50 minutes (a system that sends every fifth minute): watched.
        for (var burst = 0; burst < 10; burst++)
        {
            Minutes(1, 60);
            Minutes(4, 0);
        }

        Minutes(10, 0);

        Assert.NotNull(Raised);
    }

    [Fact]
    public void A_touchpoint_usually_quieter_than_min_rate_is_not_watched()
    {
        Minutes(50, 2); // 20 per 10 minutes, under the 30 the rule needs

        Minutes(20, 0);

        Assert.Empty(_signals);
    }

    [Fact]
    public void Traffic_that_thins_but_stays_above_the_ratio_does_not_fire()
    {
        Minutes(50, 10);

        Minutes(30, 3); // 30 % of usual

        Assert.Empty(_signals);
    }

    [Fact]
    public void Resolves_when_traffic_is_back_above_the_line_even_after_the_silence_outlasted_its_hour()
    {
        Minutes(50, 6);
        Minutes(90, 0); // longer than the hour the usual rate was measured on
        Assert.NotNull(Raised);
        Assert.Single(_signals);

        Minutes(1, 6); // 6 events in 10 minutes: not yet a fifth of the usual remembered when it fired
        Assert.Single(_signals);

        Minutes(2, 6);
        Assert.Equal(SignalKind.Resolve, _signals[^1].Kind);
        Assert.Equal(TouchpointSilenceDetector.RuleId, _signals[^1].RuleId);
    }

    [Fact]
    public void A_degraded_touchpoint_that_goes_silent_stays_degraded_and_is_reported_silent_too()
    {
        Minutes(50, 6);
        for (var i = 0; i < 30; i++)
        {
            _state.Record(_journey.Make(InteractionTypes.Checkout, "app/checkout", Outcome.Failure));
        }

        TouchpointRules.Evaluate(_rules, "app/checkout", _state, _journey.Now, _signals);
        Assert.Contains(_signals, s => s.Kind == SignalKind.Raise && s.RuleId == TouchpointDegradationDetector.RuleId);

        Minutes(12, 0); // nothing arrives at all: no evidence of recovery, and a silence of its own

        Assert.DoesNotContain(_signals, s => s.Kind == SignalKind.Resolve);
        Assert.NotNull(_state.DegradedSince);
        Assert.NotNull(Raised);

        Minutes(10, 6); // healthy traffic again: both clear

        Assert.Contains(_signals, s => s.Kind == SignalKind.Resolve && s.RuleId == TouchpointDegradationDetector.RuleId);
        Assert.Contains(_signals, s => s.Kind == SignalKind.Resolve && s.RuleId == TouchpointSilenceDetector.RuleId);
        Assert.Null(_state.DegradedSince);
    }

    [Fact]
    public void The_backtest_raises_and_resolves_silence_in_event_time()
    {
        var interactions = new List<Interaction>();
        void Traffic(int minutes)
        {
            for (var m = 0; m < minutes; m++)
            {
                for (var i = 0; i < 6; i++)
                {
                    interactions.Add(_journey.Make(InteractionTypes.Checkout, "app/checkout"));
                }

                _journey.After(TimeSpan.FromMinutes(1));
            }
        }

        Traffic(50);
        _journey.After(TimeSpan.FromMinutes(20)); // nothing at all
        Traffic(5);

        var signals = new DetectionReplay(CustomerDetectors.Catalogue(), _rules).Run(interactions, _journey.Now);

        var silence = signals.Where(s => s.RuleId == TouchpointSilenceDetector.RuleId).ToList();
        Assert.Equal([SignalKind.Raise, SignalKind.Resolve], silence.Select(s => s.Kind));
    }
}
