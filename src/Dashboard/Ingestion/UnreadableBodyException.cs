namespace CxLive.Dashboard.Ingestion;

/// <summary>The body as a whole cannot be read (not JSON, wrong shape): 400, nothing in it is taken.</summary>
public sealed class UnreadableBodyException(string reason) : Exception(reason);
