using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Agents;

/// <summary>
/// A proactive outreach prompt routed to one agent (<c>outreachPrompt</c>): who to contact, why the
/// alert fired, on which channel (the customer's preferred one, from their history) and with what
/// words, with the customer's recent cross-channel timeline so nobody has to ask again.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.OutreachPrompt")]
public sealed record OutreachPrompt
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string AlertId { get; init; }
    [Id(2)] public required string CustomerId { get; init; }

    /// <summary>The agent it was routed to; null while no agent has the skill (it waits in the queue).</summary>
    [Id(3)] public string? AgentId { get; init; }

    [Id(4)] public required string RuleId { get; init; }
    [Id(5)] public required Severity Severity { get; init; }

    /// <summary>Why it fired: the alert's title and detail.</summary>
    [Id(6)] public required string Why { get; init; }
    [Id(7)] public required string Detail { get; init; }

    [Id(8)] public required Channel Channel { get; init; }
    [Id(9)] public required string Wording { get; init; }
    [Id(10)] public required string Context { get; init; }

    /// <summary>The customer's latest interactions across channels, newest first.</summary>
    [Id(11)] public ImmutableArray<Interaction> Timeline { get; init; } = [];
    [Id(12)] public double? ExperienceScore { get; init; }

    [Id(13)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(14)] public OutreachResult? Result { get; init; }
    [Id(15)] public DateTimeOffset? ReportedAt { get; init; }
    [Id(16)] public string? Note { get; init; }

    /// <summary>Why, detail, wording and context in other languages, from the alert (<see cref="Alert.Translations"/>).</summary>
    [Id(17)] public ImmutableDictionary<string, AlertText> Translations { get; init; } = ImmutableDictionary<string, AlertText>.Empty;

    /// <summary>
    /// When the desk took the prompt back because its alert closed before anyone reported (the
    /// customer recovered, a supervisor resolved it, it expired): nothing is left to reach out about.
    /// </summary>
    [Id(18)] public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Who closed the alert and how, for the agent who had the prompt.</summary>
    [Id(19)] public string? WithdrawnBecause { get; init; }

    /// <summary>The same as data (reason, who, how it ended), for pages to word; none on records withdrawn before it was kept.</summary>
    [Id(24)] public PromptWithdrawal? Withdrawal { get; init; }

    /// <summary>The partition of its alert, and the number of its latest change in that partition's desk.</summary>
    [Id(20)] public int Partition { get; init; }
    [Id(21)] public long Sequence { get; init; }

    /// <summary>
    /// Further conditions of the same customer this prompt took on (rule ids), newest last: one
    /// conversation per customer, so they enrich the prompt the agent has instead of making another.
    /// </summary>
    [Id(22)] public ImmutableArray<string> Also { get; init; } = [];

    /// <summary>When the moment to reach out has passed (the rule's prompt time-to-live); null: until its alert closes.</summary>
    [Id(23)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// On the change that moved it from one agent to another (a supervisor's assignment): who had it.
    /// Pushed to that agent's consoles too, so it leaves their queue; null on every other change.
    /// </summary>
    [Id(25)] public string? ReassignedFrom { get; init; }

    /// <summary>
    /// On a prompt closed by a second report after a call (resolved or declined, following
    /// contacted): when the agent reported contacted. Null on every other prompt.
    /// </summary>
    [Id(26)] public DateTimeOffset? ContactedAt { get; init; }

    /// <summary>
    /// On a prompt reported contacted: how its alert closed without the agent's second report (a
    /// supervisor resolved it, its rule saw the customer recover, an outage took it in). The agent
    /// has nothing left to follow up; null while the alert is open.
    /// </summary>
    [Id(27)] public PromptWithdrawal? AlertClosed { get; init; }

    /// <summary>
    /// Reaching the customer is all its alert's rule asks for (<c>missed-follow-up</c>), and all of
    /// every condition its alert took in: reporting contacted resolves the alert, recovered, by itself,
    /// so there is nothing to follow up. False when anything else is in it (an experience drop folded
    /// in keeps the alert open after the call), and for a detractor, whom a call alone does not win back.
    /// </summary>
    [Id(28)] public bool ContactResolves { get; init; }

    /// <summary>
    /// The agent who reported contacted: who reached the customer. A follow-up a supervisor hands to
    /// another agent keeps it, so the new one reads "Li Na reached them", not "You reached them".
    /// </summary>
    [Id(29)] public string? ReachedBy { get; init; }

    /// <summary>
    /// Until when a supervisor snoozed its alert, while it is snoozed; null otherwise. The agent's
    /// queue says so: a prompt whose alert the wall showed "snoozed until 3:45 PM" read as any other.
    /// </summary>
    [Id(30)] public DateTimeOffset? AlertSnoozedUntil { get; init; }

    /// <summary>Waiting for its agent: neither reported nor withdrawn.</summary>
    public bool IsPending => Result is null && WithdrawnAt is null;

    /// <summary>
    /// Reported contacted, and its alert still open: the agent reached the customer and has yet to
    /// say how it ended (a second report, resolved or declined, closes the alert).
    /// </summary>
    public bool IsFollowingUp => Result == OutreachResult.Contacted && AlertClosed is null
        && (WithdrawnAt is null || Withdrawal?.Reason == WithdrawalReason.MomentPassed); // reported late once its moment passed: the alert stayed open, and theirs
}
