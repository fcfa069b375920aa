namespace CxLive.Client;

/// <summary>Worth trying again: a network error, 429 or 503 (with the server's Retry-After, when it gave one).</summary>
internal sealed class RetryableException(string reason, TimeSpan? retryAfter, Exception? inner = null) : Exception(reason, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
