using CxLive.Alerts;
using CxLive.Touchpoints;

namespace CxLive.Detection.Rules;

/// <summary>
/// A touchpoint fails far more than usual: over the last <c>window</c> its failure rate is at least
/// <c>factor</c> × its baseline (the rest of the last hour) and <c>margin</c> above it, with at least
/// <c>minEvents</c> events. It resolves only after the rate has stayed under that line for
/// <c>clearFor</c> (hysteresis: no flapping). Event time; pure, like every detector.
/// </summary>
public static class TouchpointDegradationDetector
{
    public const string RuleId = RuleIds.TouchpointDegradation;

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "A touchpoint is failing far more than its usual rate: many customers are affected at once.",
        Severity.Critical,
        [
            new("window", ParameterKind.Duration, "00:05:00", "The recent window whose failure rate is watched (whole minutes)."),
            new("factor", ParameterKind.Number, "2", "The recent rate must be at least this many times the baseline (the rest of the last hour)."),
            new("margin", ParameterKind.Number, "0.10", "...and at least this much above it (0.10 = 10 percentage points)."),
            new("minEvents", ParameterKind.Count, "20", "Fewest events in the recent window for the rate to count."),
            new("clearFor", ParameterKind.Duration, "00:05:00", "How long the rate must stay back under the line to resolve."),
        ]);

    public static void Evaluate(ActiveRule rule, string touchpoint, TouchpointState state, DateTimeOffset now, List<AlertSignal> signals)
    {
        var minutes = Math.Max(1, (int)rule.Duration("window").TotalMinutes);
        var recent = state.Window(now, minutes);
        var hour = state.Window(now, TouchpointState.Minutes);
        var baseline = new WindowCounts(hour.Events - recent.Events, hour.Failures - recent.Failures);
        var degraded = recent.Events >= rule.Count("minEvents")
            && recent.FailureRate >= rule.Number("factor") * baseline.FailureRate
            && recent.FailureRate >= baseline.FailureRate + rule.Number("margin");

        if (degraded)
        {
            state.ClearSince = null;
            if (state.DegradedSince is null)
            {
                state.DegradedSince = now;
                signals.Add(Raise(rule, touchpoint, state, recent, baseline, minutes, now));
            }

            return;
        }

        if (state.DegradedSince is null)
        {
            return;
        }

        state.ClearSince ??= now;
        if (now - state.ClearSince >= rule.Duration("clearFor"))
        {
            state.DegradedSince = null;
            state.ClearSince = null;
            signals.Add(AlertSignal.Resolved(RuleId, now, $"The failure rate has been back to {recent.FailureRate:P0} for {Phrases.Span(rule.Duration("clearFor"))}.", touchpoint: touchpoint));
        }
    }

    private static AlertSignal Raise(ActiveRule rule, string touchpoint, TouchpointState state, WindowCounts recent, WindowCounts baseline, int minutes, DateTimeOffset now) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = RuleId,
        Touchpoint = touchpoint,
        Severity = rule.Severity,
        Title = $"{touchpoint} failing: {recent.FailureRate:P0} in {minutes} min",
        Detail = $"{recent.Failures} of {recent.Events} interactions failed in the last {minutes} min, against {baseline.FailureRate:P0} over the rest of the hour.",
        Evidence = [.. state.RecentFailures],
        At = now,
        SuggestedAction = new SuggestedAction(
            Journeys.Channel.Other,
            $"Check {touchpoint} now: customers are failing there.",
            "Open an incident; hold proactive outreach to affected customers until the cause is known."),
        Translations = AlertLanguages.InChinese(new AlertText(
            $"{touchpoint} 故障：{minutes} 分钟内失败率 {recent.FailureRate:P0}",
            $"最近 {minutes} 分钟内 {recent.Events} 次交互中有 {recent.Failures} 次失败，而这一小时其余时间的失败率为 {baseline.FailureRate:P0}。",
            $"立即检查 {touchpoint}：客户正在那里失败。",
            "创建事件；在查明原因前，暂停对受影响客户的主动联系。")),
    };
}
