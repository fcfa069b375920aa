using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Security;
using CxLive.Grains.Hosting;
using CxLive.Silo.Demo;
using CxLive.Silo.Hosting;
using CxLive.Silo.Operations;
using Orleans.Dashboard;

if (Commands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var start = new StartPhase();
try
{
    Run(args, start);
    return 0;
}
catch (Exception e) when (ConfigurationError.Describe(e) is { } problem)
{
    // A setting CxLive cannot use: one line that names it, no stack trace (docs/configuration.md).
    Console.Error.WriteLine("cxlive: cannot start: " + problem);
    return ConfigurationError.ExitCode;
}
catch (Exception e) when (RedisUnreachableAtStart.DescribeRefusedPassword(e, start.Redis) is { } problem)
{
    Console.Error.WriteLine(start.Prefix + problem);
    return ConfigurationError.ExitCode;
}
catch (Exception e) when (RedisUnreachableAtStart.Describe(e, start.Redis) is { } problem)
{
    Console.Error.WriteLine(start.Prefix + problem);
    return RedisUnreachableAtStart.ExitCode;
}

static void Run(string[] args, StartPhase start)
{
    var (remaining, switches) = CommandLine.Split(args);
    var builder = WebApplication.CreateBuilder(ContentRoot.Options(remaining));
    builder.Configuration.AddInMemoryCollection(switches);
    start.Redis = CxLive.Dashboard.Redis.RedisMode.ConnectionString(builder.Configuration);
    StartFailureLogs.LeaveToTheLastLine(builder.Logging, () => start.Started);
    // Kestrel listens while the silo joins its cluster: /health/live answers at once, and readiness
    // and the startup probe say when it has joined (services that need the cluster wait for it).
    builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

    builder.AddCxSilo();
    builder.AddCxOperations();
    builder.AddCxSiloOperations();
    var web = WebTier.Enabled(builder.Configuration);
    if (!web && start.Redis is null)
    {
        // Only a web front serves a compute-only silo, and fronts join a Redis-mode cluster alone.
        throw new ConfigurationError("Web:Enabled=false needs Redis mode (ConnectionStrings:Redis): an embedded silo without its web tier takes no data and no web front can join it");
    }

    if (web)
    {
        builder.AddCxWeb();
    }
    else
    {
        builder.Services.AddCxCore();
        builder.Services.AddCxIngestion(); // the stream consumer dispatches as the ingest API does
    }

    builder.Services.AddValidated<DemoOptions, DemoOptionsValidator>(DemoOptions.Section);
    builder.Services.AddHostedService<DemoTraffic>();

    StartAfterSilo.Apply(builder.Services);
    BoundedSiloStop.Apply(builder.Services); // after Apply: it finds the silo's own service by its type
    builder.Services.AddHostedService<StopDeadline>(); // after Apply: it must watch a stop even before the silo joined
    UnknownSettings.Refuse(builder.Configuration, builder.Services, OrleansHosting.BoundSections); // a misspelled key would be ignored: exit 78 instead
    var app = builder.Build();
    if (web)
    {
        app.MapCxWeb(admins =>
        {
            if (OrleansHosting.OrleansDashboardEnabled(app.Configuration))
            {
                admins.MapOrleansDashboard("/orleans");
            }
        });
    }
    else
    {
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        app.MapComputeOnlyAnswers();
    }

    app.MapCxOperations();
    app.AnnounceAddress();
    app.Lifetime.ApplicationStarted.Register(() => start.Started = true);
    StartFailureLogs.Run(app);
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
