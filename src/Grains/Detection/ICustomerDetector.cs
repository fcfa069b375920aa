using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection;

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
}
