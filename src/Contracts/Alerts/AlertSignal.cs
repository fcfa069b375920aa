using System.Collections.Immutable;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// What a detector says about one subject. Detectors produce signals; the alert book turns them
/// into alerts (dedup by fingerprint, history, push). A signal carries event time, not wall time.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.AlertSignal")]
public sealed record AlertSignal
{
    [Id(0)] public required SignalKind Kind { get; init; }
    [Id(1)] public required string RuleId { get; init; }
    [Id(2)] public string? CustomerId { get; init; }
    [Id(3)] public string? Touchpoint { get; init; }
    [Id(4)] public string? CaseId { get; init; }
    [Id(5)] public Severity Severity { get; init; } = Severity.Warning;
    [Id(6)] public JourneyStage? Stage { get; init; }
    [Id(7)] public string Title { get; init; } = "";
    [Id(8)] public string Detail { get; init; } = "";
    [Id(9)] public ImmutableArray<string> Evidence { get; init; } = [];
    [Id(10)] public SuggestedAction? SuggestedAction { get; init; }

    /// <summary>The event time of the interaction that produced the signal.</summary>
    [Id(11)] public required DateTimeOffset At { get; init; }

    /// <summary>Why the condition cleared, for resolve signals (kept in the alert's history).</summary>
    [Id(12)] public string? Reason { get; init; }

    /// <summary>The title, detail and suggested words in other languages (<see cref="Alert.Translations"/>).</summary>
    [Id(13)] public ImmutableDictionary<string, AlertText> Translations { get; init; } = ImmutableDictionary<string, AlertText>.Empty;

    /// <summary>The <see cref="Reason"/> in other languages, by code (the history step's <see cref="AlertTransition.Translations"/>).</summary>
    [Id(14)] public ImmutableDictionary<string, string>? ReasonTranslations { get; init; }

    /// <summary>The condition cleared: resolve the open alert of this rule, subject and case.</summary>
    public static AlertSignal Resolved(
        string ruleId, DateTimeOffset at, string reason, ImmutableDictionary<string, string>? reasonTranslations,
        string? customerId = null, string? touchpoint = null, string? caseId = null, string? evidence = null) => new()
    {
        Kind = SignalKind.Resolve,
        RuleId = ruleId,
        CustomerId = customerId,
        Touchpoint = touchpoint,
        CaseId = caseId,
        At = at,
        Evidence = evidence is null ? [] : [evidence],
        Reason = reason,
        ReasonTranslations = reasonTranslations,
    };

    /// <summary>Rule + subject + case: the dedup key (docs/alerts.md).</summary>
    public string Fingerprint => AlertFingerprint.Of(RuleId, CustomerId, Touchpoint, CaseId);
}
