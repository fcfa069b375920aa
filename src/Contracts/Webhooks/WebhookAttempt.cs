namespace CxLive.Contracts.Webhooks;

/// <summary>One POST to a target and what came of it.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookAttempt")]
public sealed record WebhookAttempt
{
    [Id(0)] public required string DeliveryId { get; init; }
    [Id(1)] public required string Target { get; init; }

    /// <summary>The event sent, e.g. <c>alert.raised</c>.</summary>
    [Id(2)] public required string Event { get; init; }

    /// <summary>The alert or incident it was about.</summary>
    [Id(3)] public required string Subject { get; init; }
    [Id(4)] public long Sequence { get; init; }
    [Id(5)] public int Partition { get; init; }

    /// <summary>1 for the first try.</summary>
    [Id(6)] public int Attempt { get; init; }
    [Id(7)] public required DateTimeOffset At { get; init; }
    [Id(8)] public WebhookOutcome Outcome { get; init; }

    /// <summary>The receiver's HTTP status; none when it did not answer (timeout, connection refused).</summary>
    [Id(9)] public int? Status { get; init; }
    [Id(10)] public string? Error { get; init; }
    [Id(11)] public double DurationMs { get; init; }

    /// <summary>When a failed delivery is tried again.</summary>
    [Id(12)] public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The wait the receiver asked for (<c>Retry-After</c> on 429 or 503); sent as <c>hh:mm:ss</c>.</summary>
    [Id(13)] public TimeSpan? RetryAfter { get; init; }
}
