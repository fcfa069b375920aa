namespace CxLive.Contracts.Alerts;

/// <summary>Filters of <c>GET /api/alerts</c>; null means "any". Newest first.</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertQuery")]
public sealed record AlertQuery
{
    [Id(0)] public AlertState? State { get; init; }
    [Id(1)] public Severity? Severity { get; init; }
    [Id(2)] public string? CustomerId { get; init; }
    [Id(3)] public string? Touchpoint { get; init; }
    /// <summary>The alert's own rule, or one its customer's budget folded into it: a supervisor asking for long waits means every alert that carries one.</summary>
    [Id(4)] public string? RuleId { get; init; }
    [Id(5)] public int Limit { get; init; } = 100;

    /// <summary>Only alerts not yet resolved (open, acknowledged or snoozed).</summary>
    [Id(6)] public bool OpenOnly { get; init; }

    /// <summary>The paging cursor: only alerts after this position in the newest-first order.</summary>
    [Id(7)] public AlertPosition? Before { get; init; }

    /// <summary>true: only alerts a silence held back from walls and agents; false: only the others (what a wall shows); null: both.</summary>
    [Id(8)] public bool? Silenced { get; init; }

    /// <summary>Only alerts this agent holds (an id from the roster).</summary>
    [Id(9)] public string? AssignedTo { get; init; }

    public bool Matches(Alert alert) =>
        (!OpenOnly || alert.IsOpen)
        && (Silenced is null || (alert.SilencedBy is not null) == Silenced)
        && (Before is null || AlertPosition.Of(alert).CompareTo(Before) < 0)
        && (State is null || alert.State == State)
        && (Severity is null || alert.Severity == Severity)
        && (CustomerId is null || alert.CustomerId == CustomerId)
        && (Touchpoint is null || alert.Touchpoint == Touchpoint)
        && (RuleId is null || alert.RuleId == RuleId || alert.Folded.Contains(RuleId))
        && (AssignedTo is null || alert.AssignedTo == AssignedTo);
}
