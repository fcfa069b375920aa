using CxLive.Webhooks;
using Microsoft.Extensions.Options;

namespace CxLive.Webhooks;

/// <summary>Webhooks out: the targets from <c>Webhooks</c>, checked at start, and the HTTP client the outboxes' POSTs go through.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddCxWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookHandOff>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookGauges>();
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WebhookWakeUp>();
        services.AddHttpClient(HttpWebhookTransport.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CxLive-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }
}
