namespace CxLive.Contracts.Alerts;

/// <summary>
/// Mutes alerts that match every matcher given (rule, touchpoint, customer) until it expires: they
/// are recorded and queryable, but not pushed to walls nor routed to agents.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.Silence")]
public sealed record Silence
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? RuleId { get; init; }
    [Id(2)] public string? Touchpoint { get; init; }
    [Id(3)] public string? CustomerId { get; init; }
    [Id(4)] public required string Author { get; init; }
    [Id(5)] public required string Comment { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public required DateTimeOffset ExpiresAt { get; init; }

    public bool Mutes(Alert alert, DateTimeOffset now) =>
        now < ExpiresAt
        && (RuleId is null || RuleId == alert.RuleId)
        && (Touchpoint is null || Touchpoint == alert.Touchpoint)
        && (CustomerId is null || CustomerId == alert.CustomerId);
}
