using CxLive.Contracts.Webhooks;

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

    /// <summary>Attempts remembered per target by each alert partition for the deliveries endpoint (default 20).</summary>
    public int RecentKept { get; set; } = 20;
}

/// <summary>One receiver: where, the shared secret, what it wants (every filter left empty takes everything), in which format and language.</summary>
public sealed class WebhookTargetOptions
{
    /// <summary>Names the target in logs, metrics and the deliveries endpoint: letters, digits, '.', '_' and '-'.</summary>
    public string Name { get; set; } = "";

    /// <summary>An absolute http or https URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The HMAC-SHA256 key the receiver checks <c>X-CxLive-Signature</c> with: at least 16 characters.</summary>
    public string Secret { get; set; } = "";

    /// <summary><c>json</c> (the change as the API shows it; the default) or <c>slack</c> (<c>{"text": ...}</c> for a Slack incoming webhook).</summary>
    public string Format { get; set; } = WebhookFormats.Json;

    /// <summary>The language of a <c>slack</c> text: <c>en</c> (default) or <c>zh-CN</c>.</summary>
    public string? Language { get; set; }

    /// <summary>Alert severities to send (<c>info</c>, <c>warning</c>, <c>critical</c>); incidents pass this filter.</summary>
    public List<string> Severities { get; set; } = [];

    /// <summary>Rule ids to send; an incident counts as its rule's, <c>touchpoint-degradation</c>.</summary>
    public List<string> Rules { get; set; } = [];

    /// <summary>Alert states to send, as the change left the alert (<c>open</c>, <c>acknowledged</c>, <c>snoozed</c>, <c>resolved</c>); incidents pass this filter.</summary>
    public List<string> States { get; set; } = [];

    /// <summary>Events to send (<c>alert.raised</c>, <c>alert.updated</c>, <c>alert.resolved</c>, <c>incident.opened</c>, <c>incident.updated</c>, <c>incident.resolved</c>).</summary>
    public List<string> Events { get; set; } = [];
}

public static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";
}
