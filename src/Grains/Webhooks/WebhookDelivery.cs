using CxLive.Contracts.Webhooks;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// One change to send to one target, as stored until it is delivered or given up (record
/// <c>d:&lt;target&gt;:&lt;sequence&gt;</c> of the partition's outbox). The body is made once, when the
/// change is taken, so every retry sends the same bytes with the same delivery id.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookDelivery")]
public sealed record WebhookDelivery
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Target { get; init; }
    [Id(2)] public required string Event { get; init; }

    /// <summary>The alert or incident id: deliveries of one subject go out in order.</summary>
    [Id(3)] public required string Subject { get; init; }
    [Id(4)] public int Partition { get; init; }
    [Id(5)] public long Sequence { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public required byte[] Body { get; init; }

    public string Record => RecordOf(Target, Sequence);

    public static string RecordOf(string target, long sequence) => $"d:{target}:{sequence:D19}";

    /// <summary>Its <paramref name="attempt"/>th try, at <paramref name="at"/>, before anything is known of how it went.</summary>
    public WebhookAttempt AttemptAt(int attempt, DateTimeOffset at) => new()
    {
        DeliveryId = Id, Target = Target, Event = Event, Subject = Subject, Sequence = Sequence, Partition = Partition, Attempt = attempt, At = at,
    };
}
