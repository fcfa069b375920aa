using System.Text.Json.Serialization;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// The <c>202</c> answer of <c>POST /api/interactions</c>: <c>accepted</c> new interactions,
/// <c>duplicates</c> (ids already recorded: accepted before, nothing changed), the rejected items,
/// and <c>warnings</c> on accepted items, only when there are some.
/// </summary>
public sealed record IngestResponse(
    int Accepted,
    int Duplicates,
    IReadOnlyList<RejectedItem> Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ItemWarning>? Warnings = null);
