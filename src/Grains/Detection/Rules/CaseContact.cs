using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>One contact about a case: when, on which channel, which interaction.</summary>
[GenerateSerializer, Immutable, Alias("cx.CaseContact")]
public readonly record struct CaseContact(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] string Touchpoint);
