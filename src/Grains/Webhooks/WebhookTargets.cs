using CxLive.Contracts.Webhooks;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Webhooks;

/// <summary>The configured targets, read once at start (a change of <c>Webhooks:Targets</c> takes a restart).</summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    public IReadOnlyList<WebhookTarget> All { get; } = [.. options.Value.Targets.Select(t => new WebhookTarget(t))];

    public bool Any => All.Count > 0;

    public WebhookTarget? Named(string name) => All.FirstOrDefault(t => t.Name == name);
}
