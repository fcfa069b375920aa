namespace CxLive.Grains.Storage;

/// <summary>
/// Storage for a grain whose state is many small records (an alert partition: one record per
/// alert, incident, budget, fold): a change writes only the records it touched, so its cost follows
/// the change, not the number of records kept. Orleans' grain storage writes a whole state each
/// time, which for a partition holding thousands of alerts meant megabytes per acknowledgement.
/// </summary>
/// <remarks>
/// A scope has one writer at a time: the activation that claimed it last. While silos join or
/// leave, Orleans' default grain directory can briefly hold two activations of one grain
/// (dotnet/orleans#9074); without a claim the older one, which never saw what the newer one wrote,
/// went on writing and numbering changes beside it (a prompt missing after the other was gone, two
/// changes with one sequence number). With it, the older one's next write is refused
/// (<see cref="ScopeClaimedElsewhereException"/>) and it deactivates (<see cref="HeldScope"/>).
/// </remarks>
public interface IRecordStore
{
    /// <summary>
    /// Every record of a scope, by name, claiming the scope for the caller: from now on only writes
    /// carrying the returned claim succeed, and any earlier claimer's are refused.
    /// </summary>
    Task<ClaimedRecords> ClaimAsync(string scope);

    /// <summary>Every record of a scope, by name, to read without writing (another grain's scope).</summary>
    Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope);

    /// <summary>
    /// Writes records (a null value removes one) in one round trip; all or nothing. Throws
    /// <see cref="ScopeClaimedElsewhereException"/>, writing nothing, when the scope was claimed
    /// since <paramref name="claim"/>.
    /// </summary>
    Task WriteAsync(RecordClaim claim, IReadOnlyList<KeyValuePair<string, byte[]?>> records);

    /// <summary>Whether <paramref name="claim"/> is still the scope's latest (no activation claimed it since): one read.</summary>
    Task<bool> HoldsAsync(RecordClaim claim);
}
