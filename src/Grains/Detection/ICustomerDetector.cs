using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>
/// A detector over one customer's interactions: a pure function of (its rule, its window in the
/// customer's state, one interaction) to (the updated window, signals). It reads no clock and does
/// no I/O, so the same code runs in grains, in unit tests and in back-tests. The window is updated
/// in place rather than copied, to spare an allocation per interaction.
/// </summary>
public interface ICustomerDetector
{
    RuleDefinition Definition { get; }

    void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals);

    /// <summary>
    /// The earliest time this detector must be asked again even if nothing else happens (an SLA, a
    /// "followed by ... within"), or null. The host makes sure <see cref="Expire"/> runs then.
    /// </summary>
    DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) => null;

    /// <summary>
    /// Time has reached <paramref name="now"/> (the wall clock live, the replay clock in a back-test):
    /// raise or resolve what the passing of time decides. Called after every batch and at deadlines.
    /// </summary>
    void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
    }
}
