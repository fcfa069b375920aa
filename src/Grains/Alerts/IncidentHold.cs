using CxLive.Contracts.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>
/// When a customer's outreach waits for an outage's cause: an incident took their alert in, and the
/// alert holds no condition beyond the one the outage explains (a complaint folded into the card is
/// not the outage's to explain, so that card keeps its prompt). The book and the desk ask the same.
/// </summary>
public static class IncidentHold
{
    public static bool Holds(Alert alert) =>
        alert is { State: not AlertState.Resolved, IncidentId: not null } && alert.Folded.All(rule => rule == alert.RuleId);
}
