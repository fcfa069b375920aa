namespace CxLive.Client;

/// <summary>A retry about to wait: which try failed, why, and how long the client waits.</summary>
public sealed record CxRetry(int Attempt, TimeSpan Delay, string Reason);
