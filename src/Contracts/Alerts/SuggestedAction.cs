using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Alerts;

/// <summary>An outreach prompt: which channel to use, what to say, and what the agent should know.</summary>
[GenerateSerializer, Immutable, Alias("cx.SuggestedAction")]
public sealed record SuggestedAction(
    [property: Id(0)] Channel Channel,
    [property: Id(1)] string Wording,
    [property: Id(2)] string Context);
