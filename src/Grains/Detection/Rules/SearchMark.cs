using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>One search-related moment of a customer: a failed search, or a sign they found something.</summary>
[GenerateSerializer, Immutable, Alias("cx.SearchMark")]
public readonly record struct SearchMark(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] bool Failed,
    [property: Id(3)] string? Query,
    [property: Id(4)] string Touchpoint,
    [property: Id(5)] JourneyStage? Stage);
