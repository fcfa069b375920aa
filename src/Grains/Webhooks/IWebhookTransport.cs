using CxLive.Contracts.Webhooks;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// Sends one delivery to its target and says what happened (status, or the error when there was
/// no answer), never throwing. The silo's is HTTP through <c>IHttpClientFactory</c> with
/// <see cref="WebhookOptions.Timeout"/>; the outbox decides what the result means.
/// </summary>
public interface IWebhookTransport
{
    Task<WebhookAttempt> SendAsync(WebhookTarget target, WebhookDelivery delivery, int attempt, CancellationToken cancellationToken);
}
