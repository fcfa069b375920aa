using CxLive.Dashboard.Operations;

namespace CxLive.Silo.Operations;

/// <summary>What only a silo reports: its own membership for readiness, and gauges of its grains and the ingest stream.</summary>
public static class SiloOperations
{
    public static WebApplicationBuilder AddCxSiloOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: [OperationsExtensions.ReadyTag]);
        builder.Services.AddSingleton<ClusterGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterGauges>());
        return builder;
    }
}
