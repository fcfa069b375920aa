using CxLive.Contracts.Webhooks;
using CxLive.Grains.Webhooks;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Webhooks;

/// <summary>
/// Webhooks out, the web tier's part: the HTTP client the outboxes' POSTs go through. The targets
/// (<c>Webhooks</c>, checked at start), the outboxes' dispatcher and the wake-up are the grains'
/// (<c>AddCxGrains</c>).
/// </summary>
public static class WebhookServices
{
    public static IServiceCollection AddCxWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        services.AddHttpClient(HttpWebhookTransport.ClientName)
            // Its request log lines named each target's URL path (HttpClient hides only the query): a
            // Slack or Teams incoming webhook carries its secret there. The deliveries API shows targets masked.
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CxLive-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }
}
