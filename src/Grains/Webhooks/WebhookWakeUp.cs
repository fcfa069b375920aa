using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// When a silo starts and targets are configured, wakes every partition's outbox, so deliveries
/// stored before a restart go out at once rather than at the next change or the outboxes' reminder.
/// </summary>
public sealed class WebhookWakeUp(WebhookTargets targets, IOptions<AlertOptions> alerts, IGrainFactory grains, ILogger<WebhookWakeUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WebhookWakeUp), ServiceLifecycleStage.Active, OnStart, _ => Task.CompletedTask);

    private Task OnStart(CancellationToken cancellationToken)
    {
        if (targets.Any)
        {
            _ = Task.Run(WakeAsync, CancellationToken.None); // not awaited: the silo's start does not wait for receivers
        }

        return Task.CompletedTask;
    }

    private async Task WakeAsync()
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, alerts.Value.Partitions).Select(p => grains.Ref<IWebhookOutboxGrain>(p).WakeAsync()));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not wake the webhook outboxes; their reminders will");
        }
    }
}
