using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// A touchpoint going wrong for many customers at once: opened when <c>touchpoint-degradation</c>
/// fires, it absorbs the customer alerts it explains (same touchpoint, same time), so the wall shows
/// one incident with a count instead of a flood. Resolving it resolves what it absorbed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.Incident")]
public sealed record Incident
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Touchpoint { get; init; }
    [Id(2)] public required string AlertId { get; init; }
    [Id(3)] public required string Title { get; init; }
    [Id(4)] public required DateTimeOffset OpenedAt { get; init; }
    [Id(5)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(6)] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The customer alerts it absorbed: listed by <c>GET /api/incidents/{id}</c> only. Lists, pushes
    /// and storage carry <see cref="AbsorbedAlerts"/> instead, so that one more alert joining an
    /// outage of thousands costs that alert, not all of them.
    /// </summary>
    [Id(7)] public ImmutableArray<string> AlertIds { get; init; } = [];

    /// <summary>Distinct customers affected, listed like <see cref="AlertIds"/>.</summary>
    [Id(8)] public ImmutableArray<string> Customers { get; init; } = [];

    /// <summary>The partition that keeps it (its touchpoint's) and the number of its latest change there (see <see cref="Alert.Sequence"/>).</summary>
    [Id(9)] public int Partition { get; init; }
    [Id(10)] public long Sequence { get; init; }

    /// <summary>How many distinct customers its alerts came from.</summary>
    [Id(11)] public int AffectedCustomers { get; init; }

    /// <summary>How many customer alerts it absorbed.</summary>
    [Id(12)] public int AbsorbedAlerts { get; init; }

    public bool IsOpen => ResolvedAt is null;
}
