using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>A complaint waiting for its reply, and how far its SLA alert has gone (0 none, 1 due soon, 2 breached, 3 critical).</summary>
[GenerateSerializer, Immutable, Alias("cx.PendingComplaint")]
public sealed record PendingComplaint(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] string Touchpoint,
    [property: Id(4)] JourneyStage? Stage,
    [property: Id(5)] int Level);
