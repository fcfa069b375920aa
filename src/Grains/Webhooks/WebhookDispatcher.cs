using System.Collections.Immutable;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Webhooks;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// Runs an outbox's POSTs off its grain, on the thread pool, and reports each result back to it as
/// an ordinary grain call: a receiver that takes 10 s to time out never holds up the outbox, and so
/// never the alert partition that hands it changes.
/// </summary>
public sealed class WebhookDispatcher(IWebhookTransport transport, IGrainFactory grains, ILogger<WebhookDispatcher> logger)
{
    private static readonly TimeSpan[] ReportRetries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    public void Send(int partition, WebhookTarget target, WebhookDelivery delivery, int attempt) =>
        _ = Task.Run(() => SendAsync(partition, target, delivery, attempt));

    private async Task SendAsync(int partition, WebhookTarget target, WebhookDelivery delivery, int attempt)
    {
        var result = await transport.SendAsync(target, delivery, attempt, CancellationToken.None);
        for (var tried = 0; ; tried++)
        {
            try
            {
                await grains.Ref<IWebhookOutboxGrain>(partition).ReportAsync([result]);
                return;
            }
            catch (Exception e) when (tried < ReportRetries.Length)
            {
                logger.LogDebug(e, "Webhook outbox {Partition} did not take the result of {Delivery}; trying again", partition, delivery.Id);
                await Task.Delay(ReportRetries[tried]);
            }
            catch (Exception e)
            {
                // The delivery stays stored: the outbox's next activation sends it again (same delivery id).
                logger.LogWarning(e, "Webhook outbox {Partition} did not take the result of {Delivery}; it will be sent again", partition, delivery.Id);
                return;
            }
        }
    }
}
