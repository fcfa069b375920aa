using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxLive.Client;

public static class ServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client gets from <see cref="IHttpClientFactory"/> (add handlers to it with AddHttpClient(name)).</summary>
    public const string HttpClientName = "CxLive";

    /// <summary>
    /// Registers one <see cref="CxLiveClient"/> for the application. Over HTTP it takes its
    /// HttpClient from <see cref="IHttpClientFactory"/> for every batch; over Redis it uses the
    /// <see cref="IConnectionMultiplexer"/> registered in the container, or connects with
    /// <see cref="CxLiveClientOptions.RedisConfiguration"/>. In a host (a worker or web app) what is
    /// still queued is sent once the host's services have stopped, before the container is disposed
    /// (<see cref="CxLiveClientFlush"/>); the container then disposes it.
    /// </summary>
    public static IHttpClientBuilder AddCxLiveClient(this IServiceCollection services, Action<CxLiveClientOptions> configure)
    {
        services.AddOptions<CxLiveClientOptions>().Configure(configure);
        services.TryAddSingleton<CxLiveClientFlush.Created>();
        services.TryAddSingleton(provider => provider.GetRequiredService<CxLiveClientFlush.Created>().Client = Make(provider));
        // The container's own disposal is too late to send: by then it refuses to make the HttpClient
        // (ObjectDisposedException), and the queue was lost with the process.
        services.AddHostedService<CxLiveClientFlush>();
        return services.AddHttpClient(HttpClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<CxLiveClientOptions>>().Value;
            if (options.BaseAddress is { } address)
            {
                http.BaseAddress = CxLiveClient.WithTrailingSlash(address);
            }

            http.Timeout = Timeout.InfiniteTimeSpan; // the client's RequestTimeout applies per try
        });
    }

    private static CxLiveClient Make(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<CxLiveClientOptions>>().Value;
        var time = provider.GetService<TimeProvider>();
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<CxLiveClient>();
        if (options.Transport == CxTransportKind.Redis)
        {
            return provider.GetService<IConnectionMultiplexer>() is { } shared
                ? CxLiveClient.Create(options, shared, time, logger)
                : CxLiveClient.Create(options, (HttpClient?)null, time, logger);
        }

        var factory = provider.GetRequiredService<IHttpClientFactory>();
        return new CxLiveClient(new HttpTransport(() => factory.CreateClient(HttpClientName), options), options, time, logger);
    }
}
