namespace CxLive.Dashboard.Redis;

/// <summary>Section <c>RedisStreams</c>: how each silo reads <c>cxlive:interactions</c> (Redis mode only).</summary>
public sealed class StreamOptions
{
    public const string Section = "RedisStreams";

    /// <summary>The stream integrators <c>XADD</c> to, one JSON interaction in field <c>data</c>.</summary>
    public string Stream { get; set; } = "cxlive:interactions";

    /// <summary>Where entries that cannot be read go, with the reason (default: the stream's name + <c>:dead</c>).</summary>
    public string? DeadLetterStream { get; set; }

    /// <summary>The consumer group every silo reads in (created at the stream's start if missing).</summary>
    public string Group { get; set; } = "cxlive";

    /// <summary>This silo's consumer name (default: host name and silo port, stable across restarts).</summary>
    public string? Consumer { get; set; }

    /// <summary>Entries read per <c>XREADGROUP</c> (default 5,000; measured faster than 1,000, docs/benchmark-log.md).</summary>
    public int ReadCount { get; set; } = 5_000;

    /// <summary>
    /// Most entries held read but not yet acknowledged (default 200,000, about 5 s at the rate one
    /// silo sustains): reaching it forces a checkpoint. At 50,000 a busy silo checkpointed about
    /// every second and wrote 0.23 customer states per event; at 200,000, 0.09 (docs/benchmark-log.md).
    /// </summary>
    public int MaxPending { get; set; } = 200_000;

    /// <summary>
    /// Longest time between a read and its acknowledgement under steady load (default 10 s). Longer
    /// means fewer state writes per event (each customer writes once per checkpoint, however many
    /// of its events came) and more to deliver again after a crash; alerts do not wait for it.
    /// Keep it well under <see cref="ReclaimAfter"/>, or other silos take over healthy entries.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two reads when the stream is empty (default 100 ms); HTTP ingestion on the same silo wakes the reader at once.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An entry read by a consumer that has not acknowledged it for this long is taken over (default 30 s).</summary>
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each silo looks for such entries (default 10 s).</summary>
    public TimeSpan ReclaimEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often each silo removes entries every consumer group has acknowledged (default 30 s;
    /// zero turns trimming off, for streams something else trims). See <c>StreamTrimmer</c>.
    /// </summary>
    public TimeSpan TrimEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait for Redis to take an HTTP request's entries (default 1 s). Past it, or at once while
    /// the connection is down, the request is answered <c>503</c> with <c>Retry-After</c>: the
    /// entries may or may not have been stored, and sending them again is safe (ids are skipped).
    /// </summary>
    public TimeSpan AppendTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public string DeadLetters => DeadLetterStream ?? Stream + ":dead";
}
