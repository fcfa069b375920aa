using CxLive.Contracts.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>The order a customer's signals reach the alert book in.</summary>
public static class SignalOrder
{
    /// <summary>
    /// One delivery's signals, in place, with an experience drop's raise moved after the other
    /// rules' raises that follow it, never past a resolve (a drop raised and cleared in one delivery
    /// must still clear). The drop is observed as an interaction arrives and deadlines are judged
    /// after the batch, so a complaint that came late, already past its SLA, and sank the score read
    /// "Experience score fell to 37" with the complaint folded in; as the detectors' own order does
    /// for one interaction, the specific rule speaks first and the drop folds into it. Most
    /// deliveries hold one signal: nothing moves, nothing is allocated.
    /// </summary>
    public static List<AlertSignal> SpecificFirst(List<AlertSignal> signals)
    {
        for (var i = signals.Count - 2; i >= 0; i--)
        {
            for (var at = i; IsDropRaised(signals[at]) && at + 1 < signals.Count && signals[at + 1] is { Kind: SignalKind.Raise } next && !IsDropRaised(next); at++)
            {
                (signals[at], signals[at + 1]) = (signals[at + 1], signals[at]);
            }
        }

        return signals;
    }

    private static bool IsDropRaised(AlertSignal signal) => signal is { Kind: SignalKind.Raise, RuleId: RuleIds.ExperienceDrop };
}
