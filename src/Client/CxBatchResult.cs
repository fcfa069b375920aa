namespace CxLive.Client;

/// <summary>What CxLive made of one batch: counts, refused items, and accepted items it warned about.</summary>
public sealed record CxBatchResult(int Accepted, int Duplicates, IReadOnlyList<CxRejection> Rejected, IReadOnlyList<CxWarning> Warnings);
