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

if (args is ["new-api-key", var integrator])
{
    ApiKeyCommand.Print(integrator);
    return;
}

if (args is ["hash-password", ..])
{
    // The password from the argument, or (better: it stays out of shell history) from standard input.
    Console.WriteLine(PasswordHash.Of(args.Length > 1 ? args[1] : Console.ReadLine() ?? ""));
    return;
}

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

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
