using System.Collections.Immutable;

namespace CxLive.Contracts.Webhooks;

/// <summary>
/// One target's deliveries, as one partition saw them since its outbox started (or, once the API
/// has added them up, as the cluster did): counts, the last success and failure, and
/// <see cref="FailingSince"/>, set from a failure until the next success.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookTargetStatus")]
public sealed record WebhookTargetStatus
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Url { get; init; }
    [Id(2)] public required string Format { get; init; }

    /// <summary>Deliveries waiting to be sent or tried again.</summary>
    [Id(3)] public int Pending { get; init; }
    [Id(4)] public long Delivered { get; init; }

    /// <summary>Attempts that failed and were (or will be) tried again.</summary>
    [Id(5)] public long Failed { get; init; }

    /// <summary>Deliveries the receiver refused with a 4xx (other than 408 and 429): not tried again.</summary>
    [Id(6)] public long Rejected { get; init; }

    /// <summary>Deliveries that failed for the whole retry window (Webhooks:GiveUpAfter) and were dropped.</summary>
    [Id(7)] public long GivenUp { get; init; }
    [Id(8)] public DateTimeOffset? LastSuccessAt { get; init; }
    [Id(9)] public DateTimeOffset? LastFailureAt { get; init; }
    [Id(10)] public string? LastError { get; init; }

    /// <summary>The first failure since the last success; null while deliveries succeed.</summary>
    [Id(11)] public DateTimeOffset? FailingSince { get; init; }

    /// <summary>True once <see cref="FailingSince"/> is older than Webhooks:FailingAfter: the receiver needs someone's attention.</summary>
    [Id(12)] public bool Failing { get; init; }

    /// <summary>When the oldest pending delivery was made.</summary>
    [Id(13)] public DateTimeOffset? OldestPendingAt { get; init; }

    /// <summary>The latest attempts, newest first.</summary>
    [Id(14)] public ImmutableArray<WebhookAttempt> Recent { get; init; } = [];
}
