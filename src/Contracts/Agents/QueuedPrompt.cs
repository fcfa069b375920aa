using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Agents;

/// <summary>A prompt waiting in the queue: enough to order it and find its desk. <see cref="ExpiresAt"/>: when it goes stale (its rule's time-to-live), none for a rule without one or a record stored before it was kept.</summary>
[GenerateSerializer, Immutable, Alias("cx.QueuedPrompt")]
public sealed record QueuedPrompt(
    [property: Id(0)] string PromptId,
    [property: Id(1)] int Partition,
    [property: Id(2)] Severity Severity,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] Channel Channel,
    [property: Id(5)] DateTimeOffset? ExpiresAt = null);
