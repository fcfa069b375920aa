using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Redis;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime;

namespace CxLive.Silo.Hosting;

/// <summary>
/// The Orleans silo inside this process. Embedded mode (the default): localhost clustering, grain
/// state and reminders in memory, ingestion straight to the grains. Redis mode (when
/// <c>ConnectionStrings:Redis</c> is set): all of it in Redis, and ingestion through the stream
/// (see <see cref="RedisMode"/>). Ports come from <c>Orleans:Endpoints:SiloPort</c> and
/// <c>GatewayPort</c>, so several silos can run on one machine.
/// </summary>
public static class OrleansHosting
{
    /// <summary>
    /// Orleans' own dashboard at <c>/orleans</c>, admins only (<c>OrleansDashboard:Enabled</c>, on by
    /// default where this silo serves the web). It profiles every grain call; turn it off where the
    /// last few percent of throughput count. Off by default on a compute-only silo
    /// (<c>Web:Enabled=false</c>): it served the page to no one and still collected, about 1 µs
    /// of CPU per activation per second.
    /// </summary>
    public static bool OrleansDashboardEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("OrleansDashboard:Enabled") ?? WebTier.Enabled(configuration);

    /// <summary>The sections bound to Orleans' own options: an operator tunes them; a misspelled key in them refuses the start (UnknownSettings).</summary>
    public static readonly (string Section, Type Options)[] BoundSections =
    [
        (MembershipSection, typeof(ClusterMembershipOptions)),
        (MessagingSection, typeof(SiloMessagingOptions)),
    ];

    private const string MembershipSection = "Orleans:Membership";
    private const string MessagingSection = "Orleans:Messaging";

    public static WebApplicationBuilder AddCxSilo(this WebApplicationBuilder builder)
    {
        var endpoints = builder.Configuration.GetSection("Orleans:Endpoints");
        var siloPort = endpoints.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = endpoints.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var serviceId = builder.Configuration.GetValue("Orleans:ServiceId", "cxlive")!;
        var clusterId = builder.Configuration.GetValue("Orleans:ClusterId", "cxlive")!;

        var redis = RedisMode.ConnectionString(builder.Configuration);
        PortGuard.EnsureFree(siloPort, "Orleans:Endpoints:SiloPort");
        PortGuard.EnsureFree(gatewayPort, "Orleans:Endpoints:GatewayPort");
        PortGuard.EnsureWebAddressesFree(builder.Configuration);

        builder.Services.AddSingleton<SiloActive>();
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloActive>());
            silo.Services.AddCxRemoteExceptions();
            silo.Configure<ClusterMembershipOptions>(MembershipDefaults.Apply);
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(MembershipSection));
            silo.Configure<SiloMessagingOptions>(builder.Configuration.GetSection(MessagingSection));
            if (OrleansDashboardEnabled(builder.Configuration))
            {
                // Live log streaming off: logs are for operators' log store, not a browser tab. Each
                // silo reports to the dashboard grain every 10 s, not every second: at 1 s that cost
                // a Redis-mode silo a fifth of its alert rate. (Its meter reader still collects
                // Orleans' meters every second, fixed in the package; docs/operations.md says what
                // that costs a silo holding many customers.)
                silo.AddDashboard(o =>
                {
                    o.HideTrace = true;
                    o.CounterUpdateIntervalMs = builder.Configuration.GetValue("OrleansDashboard:CounterUpdateIntervalMs", 10_000);
                });
            }

            if (redis is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                silo.AddCxProcessStorage();
                silo.UseInMemoryReminderService();
                return;
            }

            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, clusterId));
            // Loopback unless told otherwise: right for several silos on one machine; silos on
            // several machines advertise the address the others reach them at (and listen on all).
            var advertised = AdvertisedAddress(endpoints["AdvertisedIPAddress"]);
            silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(advertised));
            silo.UseRedis(redis, builder.Configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>()?.CustomerRetention);
        });

        // Registered after the silo, so it stops first: the last checkpoint still has grains to write.
        var delaySet = builder.Configuration[$"{CheckpointOptions.Section}:{nameof(CheckpointOptions.Delay)}"] is not null;
        if (redis is null)
        {
            builder.Services.AddSingleton<IInteractionSink, DirectSink>();
            if (!delaySet)
            {
                // Memory storage in this very process protects nothing a crash would not take with it;
                // deactivation still writes. Writing every busy customer every 5 s cost half the ingest
                // rate and multi-second stalls (docs/benchmark-log.md, 2026-11-28).
                builder.Services.PostConfigure<CheckpointOptions>(o => o.Delay = CheckpointOptions.EmbeddedModeDelay);
            }
        }
        else
        {
            StreamOptionsValidator.AddStreamOptions(builder.Services)
                .PostConfigure(o => o.Consumer ??= $"{Environment.MachineName}:{siloPort}");
            builder.Services.PostConfigure<CheckpointOptions>(o =>
            {
                if (!delaySet)
                {
                    // The stream's checkpoints do the writing here; a grain's own timer is only the backstop.
                    o.Delay = CheckpointOptions.RedisModeDelay;
                }
            });
            builder.Services.AddSingleton<StreamWakeup>();
            builder.Services.AddSingleton<IInteractionSink, StreamSink>();
            builder.Services.AddHostedService<InteractionStreamConsumer>();
        }

        return builder;
    }

    /// <summary>
    /// <c>Orleans:Endpoints:AdvertisedIPAddress</c>: loopback when unset; an IP address (in Kubernetes
    /// the pod's <c>status.podIP</c>, never a Service's address); or a host name resolved once at start
    /// to its IPv4 address (in compose, the silo's own service name).
    /// </summary>
    public static System.Net.IPAddress AdvertisedAddress(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return System.Net.IPAddress.Loopback;
        }

        if (System.Net.IPAddress.TryParse(configured, out var address))
        {
            return address;
        }

        try
        {
            return System.Net.Dns.GetHostAddresses(configured).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new ConfigurationError($"Orleans:Endpoints:AdvertisedIPAddress '{configured}' has no IPv4 address: give the address other silos reach this one at.");
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ArgumentException)
        {
            throw new ConfigurationError($"Orleans:Endpoints:AdvertisedIPAddress '{configured}' is neither an IP address nor a host name that resolves ({e.Message}): give the address other silos reach this one at (in Kubernetes, the pod's status.podIP).", e);
        }
    }
}
