using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>A rule's "the condition cleared" signal, saying why in every language (the resolving step of the alert's history).</summary>
public static class ResolvedSignal
{
    public static AlertSignal Of(
        string ruleId, DateTimeOffset at, HistoryNote reason, string? customerId = null, string? touchpoint = null, string? caseId = null, string? evidence = null) =>
        AlertSignal.Resolved(ruleId, at, reason.English, reason.Translations, customerId, touchpoint, caseId, evidence);
}
