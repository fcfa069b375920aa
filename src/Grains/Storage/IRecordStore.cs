namespace CxLive.Grains.Storage;

/// <summary>
/// Storage for a grain whose state is many small records (an alert partition: one record per
/// alert, incident, budget, fold): a change writes only the records it touched, so its cost follows
/// the change, not the number of records kept. Orleans' grain storage writes a whole state each
/// time, which for a partition holding thousands of alerts meant megabytes per acknowledgement.
/// </summary>
public interface IRecordStore
{
    /// <summary>Every record of a scope (one grain's), by name.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope);

    /// <summary>Writes records (a null value removes one) in one round trip; all or nothing.</summary>
    Task WriteAsync(string scope, IReadOnlyList<KeyValuePair<string, byte[]?>> records);
}
