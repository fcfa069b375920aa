namespace CxLive.Dashboard.Ingestion;

/// <summary>Section <c>Ingestion</c>: the limits of <c>POST /api/interactions</c> and of every other ingestion path.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Most interactions in one request (default 10,000); more is 413.</summary>
    public int MaxItemsPerRequest { get; set; } = 10_000;

    /// <summary>Largest request body in bytes (default 8 MiB); more is 413.</summary>
    public long MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How far in the future an event's timestamp may be, for clocks that run ahead (default 5 min).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old an event's timestamp may be (default 30 days). Older events are refused: they cannot
    /// drive any live detector and usually mean a wrong clock or a replay sent to the wrong place
    /// (back-tests have their own endpoint).
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most interactions in one back-test request (default 1,000,000); more is 413.</summary>
    public int MaxBacktestItems { get; set; } = 1_000_000;

    /// <summary>Largest back-test request body in bytes (default 256 MiB); more is 413.</summary>
    public long MaxBacktestBytes { get; set; } = 256L * 1024 * 1024;
}
