namespace CxLive.Client;

/// <summary>What CxLive made of one batch: counts, refused items, and accepted items it warned about.</summary>
public sealed record CxBatchResult(int Accepted, int Duplicates, IReadOnlyList<CxRejection> Rejected)
{
    /// <summary>Accepted interactions CxLive may read otherwise than meant (a property, not a fourth position: code built against 1.0 keeps compiling).</summary>
    public IReadOnlyList<CxWarning> Warnings { get; init; } = [];
}
