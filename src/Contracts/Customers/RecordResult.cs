using System.Collections.Immutable;

namespace CxLive.Customers;

/// <summary>
/// What a customer grain did with a batch: how many were new, and the positions (in the batch it
/// was given) of the ids it had already seen. Duplicates change nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.RecordResult")]
public sealed record RecordResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] ImmutableArray<int> DuplicateIndexes)
{
    public int Duplicates => DuplicateIndexes.Length;
}
