using CxLive.Api;
using CxLive.Dashboard;
using CxLive.Demo;
using CxLive.Hosting;
using CxLive.Ingestion;
using CxLive.Operations;
using CxLive.Security;
using CxLive.Serialization;

if (args is ["new-api-key", var integrator])
{
    ApiKeyCommand.Print(integrator);
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

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCxDashboardAssets();
app.UseCxSecurity();

app.MapIngestionApi();
app.MapAlertsApi();
app.MapAlertActionsApi();
app.MapIncidentsApi();
app.MapSilencesApi();
app.MapOutreachApi();
app.MapCustomersApi();
app.MapTouchpointsApi();
app.MapRulesApi();
app.MapBacktestApi();
app.MapCxDashboard();
app.MapCxOperations();

app.AnnounceAddress();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
