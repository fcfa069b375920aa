using CxLive.Contracts.Alerts;

namespace CxLive.Tests.Unit.Support;

/// <summary>Alerts for the lifecycle's tests: a customer's critical detractor, raised at a given time, in the state a test needs.</summary>
public static class TestAlerts
{
    public static Alert Detractor(AlertState state, DateTimeOffset raised) => new()
    {
        Id = "a-1",
        RuleId = "detractor",
        Severity = Severity.Critical,
        State = state,
        CustomerId = "c-1",
        Title = "Detractor",
        Detail = "NPS 2",
        Evidence = ["i-1"],
        RaisedAt = raised,
        UpdatedAt = raised,
        ResolvedAt = state == AlertState.Resolved ? raised : null,
        SnoozedUntil = state == AlertState.Snoozed ? raised.AddHours(1) : null,
        Fingerprint = "detractor|c-1",
        History = [new AlertTransition(raised, AlertState.Open, "rule:detractor", "Detractor")],
    };
}
