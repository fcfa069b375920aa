namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// The <c>202</c> answer of <c>POST /api/interactions</c>: <c>accepted</c> new interactions,
/// <c>duplicates</c> (ids already recorded: accepted before, nothing changed), and the rejected items.
/// </summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedItem> Rejected);
