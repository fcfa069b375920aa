using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;

namespace CxLive.Grains.Alerts;

/// <summary>
/// The alert state machine, one place for every move (docs/alerts.md):
/// <code>
///   open ──ack──▶ acknowledged ──resolve──▶ resolved
///    │  ▲            │
///    │  └─snooze ends┴─snooze─▶ snoozed ──ack/resolve──▶ …
///    └──────────────resolve / condition clears / expiry──▶ resolved
/// </code>
/// Assigning changes the owner, not the state (to the owner it has: a success that records nothing,
/// so a retried or repeated assignment is safe). A resolved alert takes no action (a refusal names
/// its state; the API answers 409). Every move adds who, when and why to the history. Pure: the
/// same code serves the alert book and the unit tests.
/// </summary>
public static class AlertLifecycle
{
    public static AlertActionResult Act(Alert alert, AlertAction action, DateTimeOffset now)
    {
        if (alert.State == AlertState.Resolved)
        {
            return Refuse(alert, action, "it is resolved");
        }

        return action.Kind switch
        {
            AlertActionKind.Acknowledge when alert.State == AlertState.Acknowledged => Refuse(alert, action, "it is already acknowledged"),
            AlertActionKind.Acknowledge => Done(Acknowledge(alert, now), now, action, HistoryNote.Acknowledged),
            // The desk's: the try waiting for an agent lapsed (once: a repeat after a crash records nothing).
            AlertActionKind.Assign when action.TryLapsed => alert.AwaitingAgentSince is null ? new(alert, null) : Done(alert with { AwaitingAgentSince = null }, now, action, HistoryNote.TryLapsed),
            // Already theirs: done, nothing to record; unless they could not reach her, and this is another try.
            AlertActionKind.Assign when alert.AssignedTo == action.AgentId && alert.UnreachedAt is null => new(alert, null),
            AlertActionKind.Assign when action.AgentId is null => Done(Tried(alert) with { AssignedTo = null, AwaitingAgentSince = now }, now, action, HistoryNote.Unassigned), // the desk's: another try waits for an agent
            AlertActionKind.Assign when action.NotOntoAnOutage && IncidentHold.Holds(alert) => Refuse(alert, action, "an outage stands for it"),
            AlertActionKind.Assign => Done(Tried(alert) with { AssignedTo = action.AgentId }, now, action, HistoryNote.Assigned(action.AgentName ?? action.AgentId!)),
            AlertActionKind.Snooze => Done(alert with { State = AlertState.Snoozed, SnoozedUntil = action.Until }, now, action, HistoryNote.Snoozed(action.Until)),
            AlertActionKind.Resolve => Done(Close(alert, now, action.Outcome), now, action, action is { OutcomeFromTimeline: true, Outcome: { } read } ? HistoryNote.ResolvedAsTimelineSays(read) : HistoryNote.Resolved),
            AlertActionKind.Report when Reported(alert, action) => new(alert, null), // a follow-up done again after a crash: kept once, whatever moved since
            AlertActionKind.Report when alert.State == AlertState.Acknowledged => new(KeepReport(Reach(alert, action, now), action, now), null),
            AlertActionKind.Report => Done(Acknowledge(Reach(alert, action, now), now), now, action, HistoryNote.Acknowledged),
            _ => Refuse(alert, action, "the action is unknown"),
        };
    }

    private static Alert Acknowledge(Alert alert, DateTimeOffset now) =>
        alert with { State = AlertState.Acknowledged, AcknowledgedAt = alert.AcknowledgedAt ?? now, SnoozedUntil = null };

    /// <summary>
    /// A report of contacted: who reached the customer and when (the alert is followed up while it
    /// stays open); of unreachable: who could not, and when (until another try is handed out).
    /// </summary>
    private static Alert Reach(Alert alert, AlertAction action, DateTimeOffset now) => action switch
    {
        { Reached: true, AgentId: { } agent } => Tried(alert) with { ReachedAt = now, ReachedBy = agent, UpdatedAt = now },
        { Unreached: true, AgentId: { } agent } => alert with { UnreachedAt = now, UnreachedBy = agent, AwaitingAgentSince = null, UpdatedAt = now },
        _ => alert with { AwaitingAgentSince = null }, // a try reported from the queue (no agent held it): it waits no more
    };

    /// <summary>A try after one that could not reach her, or after one that waited for an agent: handed out (or waiting for an agent), or she was reached.</summary>
    private static Alert Tried(Alert alert) => alert with { UnreachedAt = null, UnreachedBy = null, AwaitingAgentSince = null };

    /// <summary>An agent's report on an alert someone acknowledged already: nothing moves, but the agent's words are kept (they were lost to a refused acknowledge).</summary>
    private static Alert KeepReport(Alert alert, AlertAction action, DateTimeOffset now) =>
        action.Note is { Length: > 0 } said ? Record(alert, now, action.By, new HistoryNote(said, action.NoteTranslations)) : alert;

    /// <summary>The report's words are in the history already, alone or after "acknowledged: ": a follow-up done again.</summary>
    private static bool Reported(Alert alert, AlertAction action) =>
        action.Note is { Length: > 0 } said && alert.History.Any(s => s.By == action.By && s.Note.EndsWith(said, StringComparison.Ordinal));

    /// <summary>The snooze ran out: the alert is open again (and shown again).</summary>
    public static Alert Wake(Alert alert, DateTimeOffset now) =>
        Record(alert with { State = AlertState.Open, SnoozedUntil = null }, now, "system", HistoryNote.SnoozeEnded);

    /// <summary>The rule's condition cleared (per the catalogue): the customer came back and succeeded.</summary>
    public static Alert ConditionCleared(Alert alert, DateTimeOffset now, string by, HistoryNote reason) =>
        Record(Close(alert, now, alert.CustomerId is null ? null : AlertOutcome.Recovered), now, by, reason);

    /// <summary>Nothing happened for too long: closed, and a customer who went quiet counts as lost.</summary>
    public static Alert Expire(Alert alert, DateTimeOffset now, TimeSpan after) =>
        Record(Close(alert, now, alert.CustomerId is null ? null : AlertOutcome.Lost), now, "system", HistoryNote.Expired(after));

    /// <summary>Closed with the incident that absorbed it; whether the customer recovered is not known here.</summary>
    public static Alert IncidentResolved(Alert alert, DateTimeOffset now, string by, string incidentId, string? note = null) =>
        Record(Close(alert, now, outcome: null), now, by, HistoryNote.ResolvedWithIncident(incidentId).WithNote(note));

    /// <summary>An open critical alert nobody acknowledged in time: marked and announced again.</summary>
    public static Alert Escalate(Alert alert, DateTimeOffset now, TimeSpan after) =>
        Record(alert with { EscalatedAt = now }, now, "system", HistoryNote.Escalated(after));

    public static bool DueToEscalate(Alert alert, DateTimeOffset now, TimeSpan after) =>
        alert is { State: AlertState.Open, Severity: Severity.Critical, EscalatedAt: null, SilencedBy: null } && now - alert.RaisedAt >= after;

    private static Alert Close(Alert alert, DateTimeOffset now, AlertOutcome? outcome) =>
        alert with { State = AlertState.Resolved, ResolvedAt = now, SnoozedUntil = null, AwaitingAgentSince = null, Outcome = outcome ?? alert.Outcome }; // the desk withdraws a waiting try

    /// <summary>A person's note follows what they did, as written; CxLive's own (the desk's, an agent's report) comes in every language.</summary>
    private static AlertActionResult Done(Alert alert, DateTimeOffset now, AlertAction action, HistoryNote what) =>
        action is { Note: { Length: > 0 } note, NoteTranslations: { } translations }
            ? new(Record(alert, now, action.By, what.With(new HistoryNote(note, translations))), null)
            : new(Record(alert, now, action.By, what.WithNote(action.Note), said: action.Note is { Length: > 0 } ? action.Note : null), null);

    private static AlertActionResult Refuse(Alert alert, AlertAction action, string why) =>
        new(alert, $"cannot {Verb(action.Kind)} alert '{alert.Id}': {why} (state '{WireNames<AlertState>.Of(alert.State)}')");

    private static string Verb(AlertActionKind kind) => kind switch
    {
        AlertActionKind.Acknowledge => "acknowledge",
        AlertActionKind.Assign => "assign",
        AlertActionKind.Resolve => "resolve",
        AlertActionKind.Snooze => "snooze",
        AlertActionKind.Report => "report on",
        _ => "change",
    };

    private static Alert Record(Alert alert, DateTimeOffset now, string by, HistoryNote note, string? said = null) =>
        alert with { UpdatedAt = now, History = alert.History.Add(note.Step(now, alert.State, by) with { Said = said }) };
}
