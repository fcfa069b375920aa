using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>One alert's words: in English (the alert's own fields) and in every other language, by code.</summary>
public sealed record AlertWords(AlertText English, ImmutableDictionary<string, AlertText> Translations)
{
    /// <summary>The suggested action in English: what the agent says and what they should know.</summary>
    public SuggestedAction Action(Channel channel) => new(channel, English.Wording!, English.Context!);

    /// <summary>A raise in these words, with what every rule's raise shares; the rule adds its own (customer, touchpoint, evidence, action).</summary>
    public AlertSignal Raise(string ruleId, Severity severity, DateTimeOffset at) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = ruleId,
        Severity = severity,
        Title = English.Title,
        Detail = English.Detail,
        Translations = Translations,
        At = at,
    };
}
