namespace CxLive.Ingestion;

/// <summary>
/// One item that was not accepted: its position (array index, or 0-based line number in NDJSON),
/// its id when it had a readable one, and every reason as "field: reason".
/// </summary>
public sealed record RejectedItem(int Index, string? Id, IReadOnlyList<string> Errors);
