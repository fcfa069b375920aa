using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Touchpoints;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// A touchpoint has gone quiet: over the last <c>window</c> its traffic is below <c>ratio</c> × its
/// usual traffic for a window that long (the rest of the last hour, scaled to the window), the usual
/// being at least <c>minRate</c> events, in at least as many different minutes as the window has (at
/// most a third of the rest of the hour). A crashed app sends no failures, it sends nothing. Judged on
/// time: the touchpoint grain calls this every minute, not only when events arrive. It resolves when
/// the traffic is back above the line it fell under (the usual rate remembered when it fired, since
/// a long silence drains the hour it was measured on). Pure, like every detector.
/// </summary>
public static class TouchpointSilenceDetector
{
    public const string RuleId = RuleIds.TouchpointSilence;

    /// <summary>The longest window: the rest of the hour, its baseline, stays at least this long too.</summary>
    public const int LongestWindowMinutes = 30;

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "A busy touchpoint has gone quiet: it may have crashed or be blocked, and customers cannot reach it.",
        Severity.Critical,
        [
            new("window", ParameterKind.Duration, "00:10:00", "The recent window whose traffic is watched (whole minutes, at most 30).") { WholeMinutesUpTo = LongestWindowMinutes },
            new("ratio", ParameterKind.Number, "0.2", "Fires when the recent traffic is below this share of the usual traffic for a window that long (0 to 1).") { Least = 0, Most = 1 },
            new("minRate", ParameterKind.Count, "30", "Fewest usual events per window for a touchpoint to be watched at all."),
        ]);

    public static void Evaluate(ActiveRule rule, string touchpoint, TouchpointState state, DateTimeOffset now, List<AlertSignal> signals)
    {
        var minutes = Math.Clamp((int)rule.Duration("window").TotalMinutes, 1, LongestWindowMinutes);
        var recent = state.Window(now, minutes).Events;
        var ratio = rule.Number("ratio");

        if (state.SilentSince is not null)
        {
            if (recent >= ratio * state.UsualTraffic)
            {
                state.SilentSince = null;
                signals.Add(ResolvedSignal.Of(RuleId, now, HistoryNote.Resolution(RuleId, _ => new() { ["count"] = recent, ["minutes"] = minutes }), touchpoint: touchpoint));
                state.UsualTraffic = 0;
            }

            return;
        }

        // A usual rate stands on traffic spread over at least a window's worth of minutes: a backfill
        // sent at once (10,000 page views of a new touchpoint stamped 10 min back, an integrator's trial)
        // is one busy minute, not a rate, and paged on-call with "0 events against about 2000 usually".
        var hour = state.Window(now, TouchpointState.Minutes).Events;
        var usual = (hour - recent) * (double)minutes / (TouchpointState.Minutes - minutes);
        if (usual >= rule.Count("minRate") && recent < ratio * usual && state.BusyMinutesBefore(now, minutes) >= BusyMinutesNeeded(minutes))
        {
            state.SilentSince = now;
            state.UsualTraffic = usual;
            signals.Add(Raise(rule, touchpoint, recent, usual, minutes, now));
        }
    }

    /// <summary>
    /// Busy minutes a usual rate needs: a window's worth, but at most a third of the rest of the hour
    /// (a 30-min window would otherwise need traffic in every one of the 30 minutes before it, and a
    /// touchpoint of a few events a minute has quiet minutes).
    /// </summary>
    public static int BusyMinutesNeeded(int windowMinutes) => Math.Min(windowMinutes, (TouchpointState.Minutes - windowMinutes) / 3);

    private static AlertSignal Raise(ActiveRule rule, string touchpoint, long recent, double usual, int minutes, DateTimeOffset now)
    {
        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new() { ["touchpoint"] = touchpoint, ["count"] = recent, ["minutes"] = minutes, ["usual"] = $"{usual:0}" })); // "count": the texts' one/other forms follow it
        return words.Raise(RuleId, rule.Severity, now) with
        {
            Touchpoint = touchpoint,
            SuggestedAction = words.Action(Channel.Other),
        };
    }
}
