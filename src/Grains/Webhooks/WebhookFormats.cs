namespace CxLive.Grains.Webhooks;

/// <summary>The values of <see cref="WebhookTargetOptions.Format"/>.</summary>
public static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";
}
