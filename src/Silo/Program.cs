using CxLive.Api;
using CxLive.Dashboard;
using CxLive.Demo;
using CxLive.Hosting;
using CxLive.Ingestion;
using CxLive.Operations;
using CxLive.Security;
using CxLive.Dashboard.Security;
using CxLive.Serialization;
using Orleans.Dashboard;

if (Commands.TryRun(args, out var exitCode))
{
    return exitCode;
}

try
{
    Run(args);
    return 0;
}
catch (Exception e) when (ConfigurationError.Describe(e) is { } problem)
{
    // A setting CxLive cannot use: one line that names it, no stack trace (docs/configuration.md).
    Console.Error.WriteLine("cxlive: cannot start: " + problem);
    return ConfigurationError.ExitCode;
}

static void Run(string[] args)
{
    var (remaining, switches) = CommandLine.Split(args);
    var builder = WebApplication.CreateBuilder(remaining);
    builder.Configuration.AddInMemoryCollection(switches);

    builder.AddCxSilo();
    builder.AddCxOperations();
    builder.AddCxSecurity();
    builder.Services.AddCxCore();
    builder.Services.AddCxIngestion();
    builder.Services.AddCxDashboard();
    builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
    builder.Services.AddHostedService<DemoTraffic>();
    builder.Services.ConfigureHttpJsonOptions(o => CxJson.Apply(o.SerializerOptions));
    builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiErrors.Describe);
    builder.Services.AddCxOpenApi();

    var app = builder.Build();
    // Settings checked before the host starts, so a bad one is reported once, by the line above, not
    // also logged by the host with a stack trace.
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
    app.UseCorrelationIds();
    app.UseCxSecurityHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseCxDashboardAssets();
    app.UseCxSecurity();

    // Who may call what (docs/security.md): integrators ingest with an API key (IngestEndpoint);
    // supervisors see every alert and act on it; agents see their own prompts and those customers
    // (checked per request); admins change rules and silences.
    app.MapIngestionApi();
    app.MapSignIn();
    var supervisors = app.MapGroup("").RequireAuthorization(Access.SupervisorPolicy);
    supervisors.MapAlertsApi();
    supervisors.MapAlertActionsApi();
    supervisors.MapIncidentsApi();
    supervisors.MapTouchpointsApi();
    supervisors.MapRulesApi();
    supervisors.MapInsightsApi();
    var people = app.MapGroup("").RequireAuthorization(Access.PeoplePolicy);
    people.MapOutreachApi();
    people.MapCustomersApi();
    var admins = app.MapGroup("").RequireAuthorization(Access.AdminPolicy);
    admins.MapSilencesApi();
    admins.MapBacktestApi();
    app.MapCxDashboard();
    if (OrleansHosting.OrleansDashboardEnabled(app.Configuration))
    {
        app.MapOrleansDashboard("/orleans").RequireAuthorization(Access.AdminPolicy);
    }

    app.MapCxOperations();
    app.MapCxOpenApi();

    app.AnnounceAddress();
    app.Run();
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
