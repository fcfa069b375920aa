using System.Collections.Immutable;

namespace CxLive.Contracts.Customers;

/// <summary>
/// What a customer grain did with a batch: how many were new, and the positions (in the batch it
/// was given) of the ids it had already seen. Duplicates change nothing. Of those, the ones it first
/// accepted only minutes ago, from the same stream entry, are listed again in
/// <see cref="RecentDuplicateIndexes"/>: when a stream entry is delivered again after a silo died,
/// its touchpoint may not have kept it (docs/durability.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.RecordResult")]
public sealed record RecordResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] ImmutableArray<int> DuplicateIndexes)
{
    [Id(2)] public ImmutableArray<int> RecentDuplicateIndexes { get; init; } = [];

    /// <summary>Which activation of the grain took the batch: if a later checkpoint names another, the silo holding it died first.</summary>
    [Id(3)] public Guid Activation { get; init; }

    public int Duplicates => DuplicateIndexes.Length;
}
