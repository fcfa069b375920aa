using CxLive.Contracts.Journeys;

namespace CxLive.Dashboard.Ingestion;

/// <summary>A request body read item by item: the valid interactions in arrival order, and the rejected items.</summary>
public sealed class ParsedBatch
{
    public List<Interaction> Valid { get; } = [];

    public List<RejectedItem> Rejected { get; } = [];

    public int ItemCount => Valid.Count + Rejected.Count;

    /// <summary>The reasons of the item being read; one list reused for every item, copied only on rejection.</summary>
    internal List<string> Errors { get; } = [];
}
