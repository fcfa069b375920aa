namespace CxLive.Grains.Webhooks;

/// <summary>Section <c>Webhooks</c>: where alert and incident changes are POSTed, and how hard CxLive tries (docs/integrations.md).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The receivers (none by default: nothing is sent and nothing is stored).</summary>
    public List<WebhookTargetOptions> Targets { get; set; } = [];

    /// <summary>How long one POST may take before it counts as failed (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry (default 10 s; each later wait doubles, plus up to a fifth at random).</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two tries (default 1 h), also the most a receiver's <c>Retry-After</c> is honoured.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A delivery still failing this long after its change is given up (default 24 h), counted and logged.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A target failing without a success for this long is marked failing (default 10 min): logged, counted, shown by <c>GET /api/webhooks/deliveries</c>.</summary>
    public TimeSpan FailingAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Deliveries sent at once per target by each alert partition (default 4); one while the target is failing.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Deliveries kept waiting per target by each alert partition (default 10,000): past it the oldest
    /// are given up, counted and logged. A receiver down for hours otherwise held every change of its
    /// 24 h, bodies and all, in the silo's memory and in Redis.
    /// </summary>
    public int MaxPending { get; set; } = 10_000;

    /// <summary>Attempts remembered per target by each alert partition for the deliveries endpoint (default 20).</summary>
    public int RecentKept { get; set; } = 20;
}
