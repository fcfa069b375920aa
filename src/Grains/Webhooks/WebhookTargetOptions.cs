namespace CxLive.Grains.Webhooks;

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

    /// <summary>The language of a <c>slack</c> text: <c>en</c> (default), <c>zh-CN</c>, or any other with a text table (<c>Detection/Texts/{code}.json</c>).</summary>
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
