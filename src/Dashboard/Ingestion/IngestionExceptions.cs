namespace CxLive.Ingestion;

/// <summary>The body as a whole cannot be read (not JSON, wrong shape): 400, nothing in it is taken.</summary>
public sealed class UnreadableBodyException(string reason) : Exception(reason);

/// <summary>The body holds more than the configured number of items or bytes: 413.</summary>
public sealed class BatchTooLargeException(string reason) : Exception(reason);
