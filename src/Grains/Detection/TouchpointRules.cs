using CxLive.Contracts.Alerts;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Touchpoints;

namespace CxLive.Grains.Detection;

/// <summary>
/// The touchpoint rules, judged together at one moment: when events arrive (at the newest event's
/// time) and every minute of time passing (the grain's timer, the back-test's clock). The same call
/// live and in back-tests.
/// </summary>
public static class TouchpointRules
{
    /// <summary>How often time passing is judged.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    public static void Evaluate(RuleBook rules, string touchpoint, TouchpointState state, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (rules.Enabled(TouchpointDegradationDetector.RuleId) is { } degradation)
        {
            TouchpointDegradationDetector.Evaluate(degradation, touchpoint, state, now, signals);
        }

        if (rules.Enabled(TouchpointSilenceDetector.RuleId) is { } silence)
        {
            TouchpointSilenceDetector.Evaluate(silence, touchpoint, state, now, signals);
        }
    }

    /// <summary>Whether time passing can still change anything here: traffic within the hour, or an outage alert open.</summary>
    public static bool NeedsTime(TouchpointState state, DateTimeOffset now) =>
        state.Watched || (state.LastSeen is { } last && now - last < TimeSpan.FromMinutes(TouchpointState.Minutes));
}
