using CxLive.Contracts.Journeys;

namespace CxLive.Dashboard.Ingestion;

/// <summary>A request body read item by item: the valid interactions in arrival order, and the rejected items.</summary>
public sealed class ParsedBatch
{
    public List<Interaction> Valid { get; } = [];

    public List<RejectedItem> Rejected { get; } = [];

    /// <summary>Accepted items CxLive may read otherwise than their sender meant; null when there are none (most batches).</summary>
    public List<ItemWarning>? Warnings { get; private set; }

    internal void Warn(ItemWarning warning) => (Warnings ??= []).Add(warning);

    public int ItemCount => Valid.Count + Rejected.Count;

    /// <summary>The reasons of the item being read; one list reused for every item, copied only on rejection.</summary>
    internal List<string> Errors { get; } = [];
}
