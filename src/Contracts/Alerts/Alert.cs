using System.Collections.Immutable;
using System.Text.Json.Serialization;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// A bad experience CxLive saw, as the wall, the agent and the API show it (docs/alerts.md).
/// Immutable: every change produces a new record, so one can be handed to SignalR and to callers
/// without copies or locks.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.Alert")]
public sealed record Alert
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string RuleId { get; init; }
    [Id(2)] public required Severity Severity { get; init; }
    [Id(3)] public required AlertState State { get; init; }
    [Id(4)] public string? CustomerId { get; init; }
    [Id(5)] public string? Touchpoint { get; init; }
    [Id(6)] public JourneyStage? Stage { get; init; }
    [Id(7)] public string? CaseId { get; init; }
    [Id(8)] public required string Title { get; init; }
    [Id(9)] public required string Detail { get; init; }

    /// <summary>The ids of the interactions that made the alert fire, oldest first.</summary>
    [Id(10)] public required ImmutableArray<string> Evidence { get; init; }
    [Id(11)] public required DateTimeOffset RaisedAt { get; init; }
    [Id(12)] public required DateTimeOffset UpdatedAt { get; init; }
    [Id(13)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(14)] public string? IncidentId { get; init; }
    [Id(15)] public string? AssignedTo { get; init; }
    [Id(16)] public SuggestedAction? SuggestedAction { get; init; }

    /// <summary>Rule + subject + case: the same condition never opens two alerts.</summary>
    [Id(17)] public required string Fingerprint { get; init; }

    /// <summary>How many times the condition was seen while this alert was open.</summary>
    [Id(18)] public int Occurrences { get; init; } = 1;
    [Id(19)] public required ImmutableArray<AlertTransition> History { get; init; }

    /// <summary>Until when a snoozed alert stays quiet; it opens again then.</summary>
    [Id(20)] public DateTimeOffset? SnoozedUntil { get; init; }

    [Id(21)] public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When an open critical alert, not acknowledged in time, was escalated and announced again.</summary>
    [Id(22)] public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>For a closed customer alert: did the customer come back and succeed, or were they lost?</summary>
    [Id(23)] public AlertOutcome? Outcome { get; init; }

    /// <summary>The silence that muted it: recorded and queryable, but not pushed to walls or agents.</summary>
    [Id(24)] public string? SilencedBy { get; init; }

    /// <summary>Other conditions of the same customer folded into this alert by the daily alert budget (their rule ids).</summary>
    [Id(25)] public ImmutableArray<string> Folded { get; init; } = [];

    /// <summary>
    /// The change's number in its partition (<see cref="Partition"/>): every change to any alert,
    /// incident or prompt of a partition takes the next one, so a client that sees a number skip
    /// knows it missed a change of that partition.
    /// </summary>
    [Id(26)] public long Sequence { get; init; }

    /// <summary>Title, detail and suggested words in other languages, by language tag (<c>zh-CN</c>); English is above.</summary>
    [Id(27)] public ImmutableDictionary<string, AlertText> Translations { get; init; } = ImmutableDictionary<string, AlertText>.Empty;

    /// <summary>The alert partition that keeps it (a customer's alerts all live in one; see docs/architecture.md).</summary>
    [Id(28)] public int Partition { get; init; }

    /// <summary>
    /// Evidence a folded condition brought, by interaction id: the rule that brought it. Evidence not
    /// listed is the alert's own rule's; null when nothing folded in brought any. A timeline marks a
    /// contact that made a score drop fold in as the drop's evidence, not the failed searches'.
    /// </summary>
    [Id(29)] public ImmutableDictionary<string, string>? FoldedEvidence { get; init; }

    /// <summary>
    /// When the alert's own rule cleared while conditions folded into it had not (a detractor score
    /// taken in by a failed-search alert whose next search found something): it stays open for them,
    /// and closes when the last of them clears. Null otherwise, and again once its own rule fires anew.
    /// </summary>
    [Id(30)] public DateTimeOffset? OwnConditionClearedAt { get; init; }

    /// <summary>
    /// When an agent reported they reached the customer (contacted): while it stays open, it is being
    /// followed up. The wall's card said only "acknowledged · Li Na", as for any other, with the
    /// suggested outreach under it as though nobody had called.
    /// </summary>
    [Id(31)] public DateTimeOffset? ReachedAt { get; init; }

    /// <summary>The agent who reached the customer (their id): a supervisor may hand the follow-up to another since.</summary>
    [Id(32)] public string? ReachedBy { get; init; }

    /// <summary>
    /// When an agent last reported they could not reach the customer (unreachable), while no try has
    /// been handed to an agent since: the alert stays open for another try, which comes when she runs
    /// into trouble again. The card read "acknowledged · Li Na" with the suggested outreach under it,
    /// as though Li Na had it in hand, while her console had nothing for it.
    /// </summary>
    [Id(33)] public DateTimeOffset? UnreachedAt { get; init; }

    /// <summary>The agent who could not reach the customer (their id).</summary>
    [Id(34)] public string? UnreachedBy { get; init; }

    /// <summary>
    /// Since when another try at reaching the customer has waited in the queue for an agent with room
    /// (every agent with the skill was full), while nobody holds the alert: until an agent takes it,
    /// a supervisor assigns it, the try lapses or the alert closes. The card read "acknowledged ·
    /// Assigned to —" over the suggested outreach, as though somebody had it in hand.
    /// </summary>
    [Id(35)] public DateTimeOffset? AwaitingAgentSince { get; init; }

    [JsonIgnore]
    public bool IsOpen => State is not AlertState.Resolved;

    /// <summary>
    /// A touchpoint rule's alert: it opens an incident and stands for the customers it absorbs. On
    /// the wire (not stored) so the pages tell incidents apart without a list of rule ids of their own.
    /// </summary>
    public bool OpensIncident => RuleIds.Touchpoint.Contains(RuleId);
}
