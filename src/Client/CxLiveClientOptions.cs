namespace CxLive.Client;

/// <summary>How the client reaches CxLive and how it batches and retries.</summary>
public sealed class CxLiveClientOptions
{
    /// <summary>CxLive's address, e.g. http://cxlive:5080/ (HTTP transport).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The integrator's key, sent as X-Api-Key; null when the install has no keys.</summary>
    public string? ApiKey { get; set; }

    public CxTransportKind Transport { get; set; } = CxTransportKind.Http;

    /// <summary>StackExchange.Redis configuration (Redis transport), e.g. "redis:6379,password=...".</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>The stream CxLive reads (Redis transport).</summary>
    public string RedisStream { get; set; } = "cxlive:interactions";

    /// <summary>A batch is sent once it holds this many interactions (CxLive takes at most 10,000 per request).</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>...or once its first interaction has waited this long.</summary>
    public TimeSpan LingerTime { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Interactions queued and not yet sent; <c>EnqueueAsync</c> waits while the queue is full.</summary>
    public int MaxQueuedInteractions { get; set; } = 50_000;

    /// <summary>First wait before a retry; it doubles each time, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries per batch before it is given up (reported through <c>BatchFailed</c>); sending the same ids again later is safe.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one HTTP request may take before it counts as a network error.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposing may take to send what is still queued.</summary>
    public TimeSpan FlushOnDisposeTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
