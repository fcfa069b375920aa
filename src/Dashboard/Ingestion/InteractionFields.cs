namespace CxLive.Dashboard.Ingestion;

/// <summary>The fields of the ingest contract, as flags so a reader tracks which it has seen.</summary>
[Flags]
internal enum InteractionFields
{
    None = 0,
    Id = 1 << 0,
    CustomerId = 1 << 1,
    Timestamp = 1 << 2,
    Channel = 1 << 3,
    Touchpoint = 1 << 4,
    Type = 1 << 5,
    Outcome = 1 << 6,
    Stage = 1 << 7,
    CaseId = 1 << 8,
    Score = 1 << 9,
    Attributes = 1 << 10,
    Source = 1 << 11,
    Unknown = 1 << 30,
}
