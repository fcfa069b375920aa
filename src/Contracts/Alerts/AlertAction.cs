namespace CxLive.Alerts;

public enum AlertActionKind
{
    Acknowledge,
    Assign,
    Resolve,
    Snooze,
}

/// <summary>What a person (or an agent's outcome report) does to an alert: the input of the state machine.</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertAction")]
public sealed record AlertAction
{
    [Id(0)] public required AlertActionKind Kind { get; init; }

    /// <summary>Who did it, kept in the history (e.g. <c>supervisor:li</c>, <c>agent:a-7</c>).</summary>
    [Id(1)] public required string By { get; init; }

    [Id(2)] public string? Note { get; init; }
    [Id(3)] public string? AgentId { get; init; }
    [Id(4)] public DateTimeOffset? Until { get; init; }
    [Id(5)] public AlertOutcome? Outcome { get; init; }
}

/// <summary>The result of an action: the changed alert, or why it was refused (409 with the current state, or 404).</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertActionResult")]
public sealed record AlertActionResult(
    [property: Id(0)] Alert? Alert,
    [property: Id(1)] string? Refused,
    [property: Id(2)] bool NotFound = false)
{
    public bool Succeeded => Refused is null && !NotFound;
}
