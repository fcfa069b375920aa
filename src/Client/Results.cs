namespace CxLive.Client;

/// <summary>What CxLive made of one batch.</summary>
public sealed record CxBatchResult(int Accepted, int Duplicates, IReadOnlyList<CxRejection> Rejected);

/// <summary>An interaction CxLive refused, with every reason as "field: reason". Sending it again unchanged will not help.</summary>
public sealed record CxRejection(CxInteraction Interaction, IReadOnlyList<string> Errors);

/// <summary>A batch given up after its tries (or refused as a whole, e.g. 401 or 413), with why.</summary>
public sealed record CxBatchFailure(IReadOnlyList<CxInteraction> Interactions, Exception Error);

/// <summary>A retry about to wait: which try failed, why, and how long the client waits.</summary>
public sealed record CxRetry(int Attempt, TimeSpan Delay, string Reason);

/// <summary>CxLive refused the request as a whole (or could not be reached after every try).</summary>
public sealed class CxLiveException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}

/// <summary>Worth trying again: a network error, 429 or 503 (with the server's Retry-After, when it gave one).</summary>
internal sealed class RetryableException(string reason, TimeSpan? retryAfter, Exception? inner = null) : Exception(reason, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
