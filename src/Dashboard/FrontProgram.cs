using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Hosting;
using Orleans.Configuration;

namespace CxLive.Dashboard;

/// <summary>
/// A web front: <c>ConnectionStrings__Redis=… dotnet CxLive.Dashboard.dll --urls http://…</c> serves
/// the pages, the hub, the REST API and HTTP ingest, and joins a Redis-mode cluster as an Orleans
/// client (same <c>Orleans:ServiceId</c> and <c>ClusterId</c> as its silos). It hosts no grain: add
/// or restart fronts without touching the silos, and put any number behind one load balancer.
/// </summary>
public static class FrontProgram
{
    /// <summary>How often a front re-reads the silos' gateways from Redis: a silo that joins takes requests within this.</summary>
    private static readonly TimeSpan GatewayRefresh = TimeSpan.FromSeconds(5);

    public static int Main(string[] args)
    {
        try
        {
            StartFailureLogs.Run(Build(args));
            return 0;
        }
        catch (Exception e) when (ConfigurationError.Describe(e) is { } problem)
        {
            Console.Error.WriteLine("cxlive-front: cannot start: " + problem);
            return ConfigurationError.ExitCode;
        }
    }

    /// <summary>
    /// An <c>Alerts:Partitions</c> or a pseudonym key other than the silos recorded, or a password
    /// Redis refuses, is a setting to fix: one line and exit 78. Redis not answering yet is no reason
    /// to refuse: the readiness check asks again.
    /// </summary>
    private static void RefuseSettingsOtherThanTheSilos(WebApplication app, RedisConnection connection, string redis)
    {
        string? problem;
        try
        {
            // At most 2 s: a front starts listening at once, Redis or not.
            var (serviceId, settings) = SharedSettings.Here(app.Services);
            problem = SharedSettings.MismatchAsync(connection, serviceId, settings, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Down or slow is waited for; a refused password is not going to change by itself.
            problem = RedisUnreachableAtStart.ProbeForRefusedPassword(redis, TimeSpan.FromSeconds(2));
        }

        if (problem is not null)
        {
            throw new ConfigurationError(problem);
        }
    }

    public static WebApplication Build(string[] args)
    {
        var (remaining, switches) = CommandLine.Split(args);
        // Settings from this program's own folder wherever it is started from (the repository root,
        // a service unit, a container): a front without its agents and users would refuse everyone.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = remaining, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(switches);
        var redis = RedisMode.ConnectionString(builder.Configuration)
            ?? throw new ConfigurationError("ConnectionStrings:Redis is not set: a web front joins a Redis-mode cluster (set ConnectionStrings__Redis to the silos' Redis); for one process with everything, run the silo instead");

        var started = false;
        StartFailureLogs.LeaveToTheLastLine(builder.Logging, () => started);
        var connection = new RedisConnection(redis);
        builder.Services.AddSingleton(connection);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (
                builder.Configuration.GetValue("Orleans:ServiceId", "cxlive")!,
                builder.Configuration.GetValue("Orleans:ClusterId", "cxlive")!));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayRefresh);
            client.Services.AddCxRemoteExceptions();
            client.UseRedisClustering(o => (o.ConfigurationOptions, o.CreateMultiplexer) = (connection.Options, _ => connection.ShareAsync()));
            // No silo yet (the whole cluster restarting): keep trying instead of failing the start;
            // meanwhile the front answers 503 + Retry-After and says "not ready".
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                return true;
            });
        });
        // Kestrel starts beside the Orleans client, not after it: liveness answers at once.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        builder.AddCxOperations();
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReachableCheck>("cluster", tags: [OperationsExtensions.ReadyTag])
            .AddCheck<SharedSettingsCheck>("shared-settings", tags: [OperationsExtensions.ReadyTag]);
        builder.AddCxWeb();
        UnknownSettings.Refuse(builder.Configuration, builder.Services); // a misspelled key would be ignored: exit 78 instead

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => started = true);
        RefuseSettingsOtherThanTheSilos(app, connection, redis);
        app.MapCxWeb();
        app.MapCxOperations();
        app.AnnounceAddress(front: true);
        return app;
    }
}
