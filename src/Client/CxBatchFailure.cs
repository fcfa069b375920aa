namespace CxLive.Client;

/// <summary>A batch given up after its tries (or refused as a whole, e.g. 401 or 413), with why.</summary>
public sealed record CxBatchFailure(IReadOnlyList<CxInteraction> Interactions, Exception Error);
