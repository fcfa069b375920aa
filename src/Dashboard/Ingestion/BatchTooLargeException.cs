namespace CxLive.Dashboard.Ingestion;

/// <summary>The body holds more than the configured number of items or bytes: 413.</summary>
public sealed class BatchTooLargeException(string reason) : Exception(reason);
