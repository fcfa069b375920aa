namespace CxLive.Grains.Storage;

/// <summary>What <see cref="IRecordStore.ClaimAsync"/> gives: the claim and the records as they were when it was taken.</summary>
public sealed record ClaimedRecords(RecordClaim Claim, IReadOnlyDictionary<string, byte[]> Records);
