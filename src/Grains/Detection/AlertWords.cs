using System.Collections.Immutable;
using CxLive.Alerts;

namespace CxLive.Detection;

/// <summary>One alert's words: in English (the alert's own fields) and in every other language, by code.</summary>
public sealed record AlertWords(AlertText English, ImmutableDictionary<string, AlertText> Translations)
{
    /// <summary>The suggested action in English: what the agent says and what they should know.</summary>
    public SuggestedAction Action(Journeys.Channel channel) => new(channel, English.Wording!, English.Context!);
}
