namespace CxLive.Contracts.Alerts;

/// <summary>The result of an action: the changed alert, or why it was refused (409 with the current state, or 404).</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertActionResult")]
public sealed record AlertActionResult(
    [property: Id(0)] Alert? Alert,
    [property: Id(1)] string? Refused,
    [property: Id(2)] bool NotFound = false)
{
    public bool Succeeded => Refused is null && !NotFound;
}
