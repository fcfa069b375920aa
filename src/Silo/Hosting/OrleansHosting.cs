using CxLive.Storage;
using Orleans.Configuration;

namespace CxLive.Hosting;

/// <summary>
/// The Orleans silo inside this process. Embedded mode: localhost clustering, grain state and
/// reminders in memory. Ports come from <c>Orleans:Endpoints:SiloPort</c> and <c>GatewayPort</c>,
/// so several processes can run on one machine.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddCxSilo(this WebApplicationBuilder builder)
    {
        var endpoints = builder.Configuration.GetSection("Orleans:Endpoints");
        var siloPort = endpoints.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = endpoints.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var serviceId = builder.Configuration.GetValue("Orleans:ServiceId", "cxlive")!;
        var clusterId = builder.Configuration.GetValue("Orleans:ClusterId", "cxlive")!;

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
            silo.AddMemoryGrainStorage(StorageNames.State);
            silo.UseInMemoryReminderService();
        });
        return builder;
    }
}
