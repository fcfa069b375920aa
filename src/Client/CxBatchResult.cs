namespace CxLive.Client;

/// <summary>What CxLive made of one batch.</summary>
public sealed record CxBatchResult(int Accepted, int Duplicates, IReadOnlyList<CxRejection> Rejected);
