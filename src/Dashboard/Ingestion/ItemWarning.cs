namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// An accepted item that CxLive may read otherwise than its sender meant (a survey answer of 4 with
/// no scale is read as an NPS detractor): its position as in <see cref="RejectedItem"/>, its id, and
/// the warning as "field: reason". It is kept; the warning says what to send to be read as meant.
/// </summary>
public sealed record ItemWarning(int Index, string Id, string Warning)
{
    /// <summary>NDJSON only: the line number, counted from 1. Absent for a JSON array.</summary>
    public int? Line { get; init; }
}
