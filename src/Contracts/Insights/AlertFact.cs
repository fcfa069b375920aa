using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Insights;

/// <summary>
/// What insights keep of an alert, long after the alert partitions have let it go: who, which rule
/// and where, when it was raised, acknowledged and resolved, how it ended, and the customer's own
/// words when the day kept them as an example.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.AlertFact")]
public sealed record AlertFact
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required string RuleId { get; init; }
    [Id(2)] public string? CustomerId { get; init; }
    [Id(3)] public string? Touchpoint { get; init; }
    [Id(4)] public JourneyStage? Stage { get; init; }
    [Id(5)] public required DateTimeOffset RaisedAt { get; init; }
    [Id(6)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(7)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(8)] public AlertOutcome? Outcome { get; init; }
    [Id(9)] public ImmutableArray<string> Evidence { get; init; } = [];
    [Id(10)] public CustomerWords? Words { get; init; }

    /// <summary>The UTC day an alert counts for: the day it was raised.</summary>
    public DateOnly Day => DateOnly.FromDateTime(RaisedAt.UtcDateTime);

    public static AlertFact Of(Alert alert) => new()
    {
        AlertId = alert.Id,
        RuleId = alert.RuleId,
        CustomerId = alert.CustomerId,
        Touchpoint = alert.Touchpoint,
        Stage = alert.Stage,
        RaisedAt = alert.RaisedAt,
        AcknowledgedAt = alert.AcknowledgedAt,
        ResolvedAt = alert.ResolvedAt,
        Outcome = alert.Outcome,
        // Its own rule's evidence: what other conditions folded in (a drop's failed searches on a
        // long wait) would quote a search under "Long wait" in the customers' own words.
        Evidence = alert.FoldedEvidence is { Count: > 0 } folded ? [.. alert.Evidence.Where(id => !folded.ContainsKey(id))] : alert.Evidence,
    };
}
