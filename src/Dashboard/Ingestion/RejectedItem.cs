namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// One item that was not accepted: its position (array index, or in NDJSON the line counted from 0),
/// in NDJSON also its <see cref="Line"/> counted from 1 (as an editor shows it), its id when it had a
/// readable one, and every reason as "field: reason".
/// </summary>
public sealed record RejectedItem(int Index, string? Id, IReadOnlyList<string> Errors)
{
    /// <summary>NDJSON only: the line number, counted from 1. Absent for a JSON array.</summary>
    public int? Line { get; init; }
}
