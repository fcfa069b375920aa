using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Touchpoints;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// A touchpoint fails far more than usual: over the last <c>window</c> its failure rate is at least
/// <c>factor</c> × its baseline (the rest of the last hour) and <c>margin</c> above it, with at least
/// <c>minEvents</c> events and (to raise) <c>minFailures</c> failures. It resolves only after the
/// rate has stayed under that line for <c>clearFor</c> (hysteresis: no flapping). While it lasts, the line is the one drawn from the
/// baseline before it began: the rest of the hour fills with the outage itself, and an outage judged
/// against that looked usual after about 40 minutes and closed while failing as badly as when it
/// opened. A window with fewer than <c>minEvents</c> events says
/// nothing either way: a touchpoint that falls silent mid-outage has not recovered (the silence rule
/// raises its own alert), and resolving it would close every customer alert the incident absorbed.
/// Event time; pure, like every detector.
/// </summary>
public static class TouchpointDegradationDetector
{
    public const string RuleId = RuleIds.TouchpointDegradation;

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "A touchpoint is failing far more than its usual rate: many customers are affected at once.",
        Severity.Critical,
        [
            new("window", ParameterKind.Duration, "00:05:00", "The recent window whose failure rate is watched (whole minutes, at most 30: the rest of the hour is its baseline).") { WholeMinutesUpTo = 30 },
            new("factor", ParameterKind.Number, "2", "The recent rate must be at least this many times the baseline (the rest of the last hour).") { Least = 1, Most = 100 },
            new("margin", ParameterKind.Number, "0.10", "...and at least this much above it (0.10 = 10 percentage points).") { Least = 0, Most = 1 },
            new("minEvents", ParameterKind.Count, "20", "Fewest events in the recent window for the rate to count."),
            new("minFailures", ParameterKind.Count, "5", "Fewest failures in the recent window to raise: 3 of 22 against a touchpoint that never fails is 14 points up, and not yet an outage to stop outreach for."),
            new("clearFor", ParameterKind.Duration, "00:05:00", "How long the rate must stay back under the line to resolve."),
            new("withoutBaseline", ParameterKind.Number, "0.5", "With too little history for a baseline (fewer than minEvents events in the rest of the hour: a new touchpoint, a fresh start), the recent rate must reach this instead (0.5 = half failing).") { Least = 0, Most = 1 },
        ]);

    public static void Evaluate(ActiveRule rule, string touchpoint, TouchpointState state, DateTimeOffset now, List<AlertSignal> signals)
    {
        var minutes = Math.Max(1, (int)rule.Duration("window").TotalMinutes);
        var recent = state.Window(now, minutes);
        var hour = state.Window(now, TouchpointState.Minutes);
        var baseline = new WindowCounts(hour.Events - recent.Events, hour.Failures - recent.Failures);
        // No history to compare with is not a 0 % baseline: 2 failures in 20 just after a start
        // would be "twice nothing" and open a critical incident. Then the rate alone must be high.
        var known = baseline.Events >= rule.Count("minEvents");
        double? against = known ? baseline.FailureRate : null;
        if (state.DegradedSince is not null && (state.RaisedAgainst is not null || state.RaisedWithoutBaseline))
        {
            against = state.RaisedAgainst; // the line drawn before the outage, while it lasts
        }

        var degraded = recent.Events >= rule.Count("minEvents") && (against is { } usual
            ? recent.FailureRate >= rule.Number("factor") * usual && recent.FailureRate >= usual + rule.Number("margin")
            : recent.FailureRate >= rule.Number("withoutBaseline"));

        if (degraded)
        {
            state.ClearSince = null;
            if (state.DegradedSince is null && recent.Failures >= rule.Count("minFailures"))
            {
                state.DegradedSince = now;
                (state.RaisedAgainst, state.RaisedWithoutBaseline) = (against, against is null);
                signals.Add(Raise(rule, touchpoint, state, recent, known ? baseline : null, minutes, now));
            }

            return;
        }

        if (state.DegradedSince is null)
        {
            return;
        }

        if (recent.Events < rule.Count("minEvents"))
        {
            state.ClearSince = null; // too little traffic to call it recovered: the clear streak starts again when it returns
            return;
        }

        state.ClearSince ??= now;
        if (now - state.ClearSince >= rule.Duration("clearFor"))
        {
            // Said against the rate before the outage: "back to 35%" alone read as normal on a touchpoint
            // that usually fails 17% of the time.
            var before = state.RaisedAgainst;
            (state.DegradedSince, state.ClearSince, state.RaisedAgainst, state.RaisedWithoutBaseline) = (null, null, null, false);
            signals.Add(ResolvedSignal.Of(RuleId, now, HistoryNote.Resolution(
                RuleId,
                l => new() { ["rate"] = AlertLanguage.Percent(recent.FailureRate), ["for"] = l.Span(rule.Duration("clearFor")), ["usual"] = before is { } rate ? AlertLanguage.Percent(rate) : null },
                before is null ? "noBaseline" : null), touchpoint: touchpoint));
        }
    }

    private static AlertSignal Raise(ActiveRule rule, string touchpoint, TouchpointState state, WindowCounts recent, WindowCounts? baseline, int minutes, DateTimeOffset now)
    {
        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new()
            {
                ["touchpoint"] = touchpoint,
                ["rate"] = AlertLanguage.Percent(recent.FailureRate),
                ["baseline"] = baseline is { } known ? AlertLanguage.Percent(known.FailureRate) : "",
                ["minutes"] = minutes,
                ["failures"] = recent.Failures,
                ["events"] = recent.Events,
            },
            baseline is null ? "noBaseline" : null));
        return words.Raise(RuleId, rule.Severity, now) with
        {
            Touchpoint = touchpoint,
            Evidence = [.. state.RecentFailures],
            SuggestedAction = words.Action(Channel.Other),
        };
    }
}
