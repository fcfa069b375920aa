using System.Diagnostics;
using System.Net.Http.Headers;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Webhooks;

namespace CxLive.Dashboard.Webhooks;

/// <summary>
/// POSTs a delivery with its signature, id and event headers through the named client
/// <see cref="ClientName"/> (<c>IHttpClientFactory</c>; timeout <c>Webhooks:Timeout</c>, redirects
/// not followed: a POST must reach the configured URL). No answer, whatever the reason, is an
/// attempt without a status and with the reason in words.
/// </summary>
public sealed class HttpWebhookTransport(IHttpClientFactory clients, TimeProvider time) : IWebhookTransport
{
    public const string ClientName = "CxLive.Webhooks";

    public async Task<WebhookAttempt> SendAsync(WebhookTarget target, WebhookDelivery delivery, int attempt, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var result = delivery.AttemptAt(attempt, time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(target.Secret, delivery.Body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var retryAfter = response.Headers.RetryAfter is { } asked
                ? asked.Delta ?? (asked.Date is { } date ? date - time.GetUtcNow() : null)
                : null;
            return result with { Status = (int)response.StatusCode, RetryAfter = retryAfter, DurationMs = Elapsed(started) };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return result with { Error = $"no answer within {client.Timeout.TotalSeconds:0.#} s", DurationMs = Elapsed(started) };
        }
        catch (HttpRequestException e)
        {
            return result with { Error = e.HttpRequestError is HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}", DurationMs = Elapsed(started) };
        }
    }

    private double Elapsed(long started) => time.GetElapsedTime(started).TotalMilliseconds;
}
