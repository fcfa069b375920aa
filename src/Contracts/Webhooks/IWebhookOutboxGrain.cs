using System.Collections.Immutable;

namespace CxLive.Contracts.Webhooks;

/// <summary>
/// One alert partition's webhook deliveries (key: the partition): takes the partition's numbered
/// changes, keeps what each configured target still has to receive until it is delivered or given
/// up, and sends it in order per alert (docs/integrations.md, "Webhooks").
/// </summary>
[Alias("CxLive.Webhooks.IWebhookOutboxGrain")]
public interface IWebhookOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>The partition's changes; answers once the deliveries they make are stored.</summary>
    Task TakeAsync(WebhookChanges changes);

    /// <summary>What the attempts handed out earlier came to.</summary>
    Task ReportAsync(ImmutableArray<WebhookAttempt> attempts);

    /// <summary>Each target's deliveries from this partition: counts, recent attempts, whether it is failing.</summary>
    Task<ImmutableArray<WebhookTargetStatus>> StatusAsync();

    /// <summary>Wakes the outbox (after a start), so that what was pending before is sent without waiting for a new change.</summary>
    Task WakeAsync();
}
