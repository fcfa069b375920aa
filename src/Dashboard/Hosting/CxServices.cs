using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Hosting;
using CxLive.Grains.Webhooks;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// The services a host needs: the grains' own (<c>AddCxGrains</c>, registered by the Grains
/// project) with the web tier's HTTP webhook transport, and ingestion's, each options class bound to
/// its section and checked at start by the validator beside it.
/// </summary>
public static class CxServices
{
    public static IServiceCollection AddCxCore(this IServiceCollection services) =>
        services.AddCxGrains().AddCxWebhooks();

    public static IServiceCollection AddCxIngestion(this IServiceCollection services)
    {
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<InFlightBatches>();
        services.AddValidated<ShutdownDrainOptions, ShutdownDrainOptions.Validator>(ShutdownDrainOptions.Section);
        services.AddHostedService<GracefulShutdown>();
        // Long enough for the drain above, the stream consumer's last checkpoint and the silo's leaving.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        services.AddValidated<PrivacyOptions, PrivacyOptionsValidator>(PrivacyOptions.Section);
        services.AddSingleton<PrivacyRules>();
        services.AddValidated<IngestionOptions, IngestionOptionsValidator>(IngestionOptions.Section);
        return services;
    }
}
