using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Alerts;

/// <summary>Every move of the alert state machine, legal and illegal (docs/alerts.md).</summary>
public sealed class AlertLifecycleTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Raised.AddMinutes(7);

    private static Alert InState(AlertState state) => TestAlerts.Detractor(state, Raised);

    private static AlertAction Do(AlertActionKind kind) => new()
    {
        Kind = kind,
        By = "supervisor:li",
        Note = "on it",
        AgentId = kind == AlertActionKind.Assign ? "wang.wei" : null,
        Until = kind == AlertActionKind.Snooze ? Now.AddHours(2) : null,
        Outcome = kind == AlertActionKind.Resolve ? AlertOutcome.Recovered : null,
    };

    public static TheoryData<AlertState, AlertActionKind, AlertState> Legal => new()
    {
        { AlertState.Open, AlertActionKind.Acknowledge, AlertState.Acknowledged },
        { AlertState.Open, AlertActionKind.Assign, AlertState.Open },
        { AlertState.Open, AlertActionKind.Resolve, AlertState.Resolved },
        { AlertState.Open, AlertActionKind.Snooze, AlertState.Snoozed },
        { AlertState.Acknowledged, AlertActionKind.Assign, AlertState.Acknowledged },
        { AlertState.Acknowledged, AlertActionKind.Resolve, AlertState.Resolved },
        { AlertState.Acknowledged, AlertActionKind.Snooze, AlertState.Snoozed },
        { AlertState.Snoozed, AlertActionKind.Acknowledge, AlertState.Acknowledged },
        { AlertState.Snoozed, AlertActionKind.Assign, AlertState.Snoozed },
        { AlertState.Snoozed, AlertActionKind.Resolve, AlertState.Resolved },
        { AlertState.Snoozed, AlertActionKind.Snooze, AlertState.Snoozed },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void A_legal_move_changes_the_state_and_records_who_when_and_why(AlertState from, AlertActionKind action, AlertState to)
    {
        var result = AlertLifecycle.Act(InState(from), Do(action), Now);

        Assert.True(result.Succeeded);
        Assert.Equal(to, result.Alert!.State);
        Assert.Equal(Now, result.Alert.UpdatedAt);
        var entry = result.Alert.History[^1];
        Assert.Equal((Now, to, "supervisor:li"), (entry.At, entry.State, entry.By));
        Assert.EndsWith(": on it", entry.Note);
    }

    public static TheoryData<AlertState, AlertActionKind, string> Illegal => new()
    {
        { AlertState.Acknowledged, AlertActionKind.Acknowledge, "it is already acknowledged (state 'acknowledged')" },
        { AlertState.Resolved, AlertActionKind.Acknowledge, "it is resolved (state 'resolved')" },
        { AlertState.Resolved, AlertActionKind.Assign, "it is resolved (state 'resolved')" },
        { AlertState.Resolved, AlertActionKind.Resolve, "it is resolved (state 'resolved')" },
        { AlertState.Resolved, AlertActionKind.Snooze, "it is resolved (state 'resolved')" },
    };

    [Theory]
    [MemberData(nameof(Illegal))]
    public void An_illegal_move_is_refused_with_the_current_state_and_changes_nothing(AlertState from, AlertActionKind action, string why)
    {
        var alert = InState(from);
        var result = AlertLifecycle.Act(alert, Do(action), Now);

        Assert.False(result.Succeeded);
        Assert.Same(alert, result.Alert);
        Assert.EndsWith(why, result.Refused);
    }

    [Fact]
    public void Assigning_to_the_agent_who_has_it_succeeds_and_records_nothing()
    {
        var assigned = AlertLifecycle.Act(InState(AlertState.Open), Do(AlertActionKind.Assign), Now).Alert!;

        var again = AlertLifecycle.Act(assigned, Do(AlertActionKind.Assign), Now.AddMinutes(1));

        Assert.True(again.Succeeded);
        Assert.Same(assigned, again.Alert); // no second "assigned to wang.wei" in the history, no change pushed
    }

    [Fact]
    public void The_desk_cannot_hand_out_an_alert_an_outage_stands_for_but_a_supervisor_can_assign_it()
    {
        // The desk's assignment came after "part of incident": the card named an agent who had no prompt.
        var held = InState(AlertState.Open) with { IncidentId = "inc-1" };

        var desk = AlertLifecycle.Act(held, Do(AlertActionKind.Assign) with { By = "outreach-desk", NotOntoAnOutage = true }, Now);
        var supervisor = AlertLifecycle.Act(held, Do(AlertActionKind.Assign), Now);

        Assert.False(desk.Succeeded);
        Assert.Same(held, desk.Alert);
        Assert.Contains("an outage stands for it", desk.Refused);
        Assert.Equal("wang.wei", supervisor.Alert!.AssignedTo);
        Assert.Equal("wang.wei", AlertLifecycle.Act(InState(AlertState.Open), Do(AlertActionKind.Assign) with { NotOntoAnOutage = true }, Now).Alert!.AssignedTo);
    }

    [Fact]
    public void Each_action_sets_what_it_is_about()
    {
        Assert.Equal(Now, AlertLifecycle.Act(InState(AlertState.Open), Do(AlertActionKind.Acknowledge), Now).Alert!.AcknowledgedAt);
        Assert.Equal("wang.wei", AlertLifecycle.Act(InState(AlertState.Open), Do(AlertActionKind.Assign), Now).Alert!.AssignedTo);
        Assert.Equal(Now.AddHours(2), AlertLifecycle.Act(InState(AlertState.Open), Do(AlertActionKind.Snooze), Now).Alert!.SnoozedUntil);
        var resolved = AlertLifecycle.Act(InState(AlertState.Snoozed), Do(AlertActionKind.Resolve), Now).Alert!;
        Assert.Equal((Now, AlertOutcome.Recovered, (DateTimeOffset?)null), (resolved.ResolvedAt, resolved.Outcome, resolved.SnoozedUntil));
        Assert.Null(AlertLifecycle.Act(InState(AlertState.Snoozed), Do(AlertActionKind.Acknowledge), Now).Alert!.SnoozedUntil);
    }

    [Fact]
    public void Time_moves_alerts_too_snooze_ends_escalation_expiry_and_the_condition_clearing()
    {
        var woken = AlertLifecycle.Wake(InState(AlertState.Snoozed), Now);
        Assert.Equal((AlertState.Open, (DateTimeOffset?)null, "system"), (woken.State, woken.SnoozedUntil, woken.History[^1].By));

        var open = InState(AlertState.Open);
        Assert.False(AlertLifecycle.DueToEscalate(open, Raised.AddMinutes(29), TimeSpan.FromMinutes(30)));
        Assert.True(AlertLifecycle.DueToEscalate(open, Raised.AddMinutes(30), TimeSpan.FromMinutes(30)));
        Assert.False(AlertLifecycle.DueToEscalate(open with { Severity = Severity.Warning }, Raised.AddHours(1), TimeSpan.FromMinutes(30)));
        Assert.False(AlertLifecycle.DueToEscalate(InState(AlertState.Acknowledged), Raised.AddHours(1), TimeSpan.FromMinutes(30)));
        var escalated = AlertLifecycle.Escalate(open, Raised.AddMinutes(30), TimeSpan.FromMinutes(30));
        Assert.Equal(Raised.AddMinutes(30), escalated.EscalatedAt);
        Assert.False(AlertLifecycle.DueToEscalate(escalated, Raised.AddHours(2), TimeSpan.FromMinutes(30)));

        var expired = AlertLifecycle.Expire(open, Now, TimeSpan.FromDays(7));
        Assert.Equal((AlertState.Resolved, AlertOutcome.Lost), (expired.State, expired.Outcome));

        var cleared = AlertLifecycle.ConditionCleared(open, Now, "rule:detractor", HistoryNote.AsWritten("An outreach succeeded."));
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered, "An outreach succeeded."), (cleared.State, cleared.Outcome, cleared.History[^1].Note));
        Assert.Null(AlertLifecycle.ConditionCleared(open with { CustomerId = null, Touchpoint = "web/search" }, Now, "rule:x", HistoryNote.AsWritten("ok")).Outcome);
    }
}
