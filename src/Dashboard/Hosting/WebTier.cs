using CxLive.Contracts.Serialization;
using CxLive.Dashboard;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Hubs;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Redis;
using CxLive.Dashboard.Security;
using CxLive.Grains.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// Everything people and integrators reach over HTTP: pages, the hub, the REST and ingest APIs,
/// sign-in, health and metrics. The same code runs inside a silo (embedded mode, co-hosted silos)
/// and in a web front that joins the cluster as an Orleans client (<see cref="FrontProgram"/>): it
/// talks to the cluster only through <see cref="IGrainFactory"/>, which both give it.
/// </summary>
public static class WebTier
{
    /// <summary><c>Web:Enabled</c> (default true): false runs a silo with only health and metrics, for clusters whose pages and APIs are served by web fronts.</summary>
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(EnabledSetting, true);

    public const string EnabledSetting = "Web:Enabled";

    public static WebApplicationBuilder AddCxWeb(this WebApplicationBuilder builder)
    {
        builder.AddCxSecurity();
        builder.Services.AddCxCore();
        builder.Services.AddCxIngestion();
        builder.Services.AddCxDashboard();
        builder.Services.ConfigureHttpJsonOptions(o => CxJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiErrors.Describe);
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        builder.Services.AddCxOpenApi();
        builder.Services.AddDataProtection().ProtectKeys(builder.Configuration); // encrypted at rest when a certificate is configured

        if (RedisMode.ConnectionString(builder.Configuration) is { } redis)
        {
            builder.Services.TryAddSingleton(new RedisConnection(redis));
            builder.Services.TryAddSingleton<StreamWakeup>();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UnprotectedRedisWarning>()); // a silo's Redis side adds it too: once
            builder.Services.TryAddSingleton<IInteractionSink, StreamSink>(); // a silo registered it already
            StreamOptionsValidator.AddStreamOptions(builder.Services); // a front appends too
            ShareDataProtectionKeys(builder);
        }
        else
        {
            builder.Services.TryAddSingleton<IInteractionSink, DirectSink>();
        }

        return builder;
    }

    /// <summary>The middleware and endpoints, in the order they must run.</summary>
    /// <param name="forAdmins">What the host adds for admins only (the silo: the Orleans dashboard at <c>/orleans</c>).</param>
    public static WebApplication MapCxWeb(this WebApplication app, Action<IEndpointRouteBuilder>? forAdmins = null)
    {
        // Settings checked before the host starts, so a bad one is reported once, by the caller's
        // one-line error, not also logged by the host with a stack trace.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        app.UseCorrelationIds();
        app.UseCxSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A value the framework could not bind is the client's mistake (400), not CxLive's (500).
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseCxDashboardAssets();
        app.UseHubClosedWhileStopping();
        app.UseSameOriginForHubAndSignIn();
        app.UseCxSecurity();

        // Who may call what (docs/security.md), here and nowhere else: each group is one policy of
        // Access, and no API, page or hub names a policy itself (EndpointAccessTests reads the map
        // back from the running app). Integrators ingest with an API key; any signed-in person sees
        // their own prompts and those customers (checked per request); supervisors see every alert
        // and act on it; admins change rules and silences.
        var anyone = app.MapGroup("").AllowAnonymous();
        anyone.MapSignIn();
        anyone.MapCxSignInPage();
        var integrators = app.MapGroup("").RequireAuthorization(Access.IntegratorPolicy);
        integrators.MapIngestionApi();
        var people = app.MapGroup("").RequireAuthorization(Access.PeoplePolicy);
        people.MapMe();
        people.MapOutreachApi();
        people.MapCustomersApi();
        people.MapCxHub();
        people.MapCxPages();
        var supervisors = app.MapGroup("").RequireAuthorization(Access.SupervisorPolicy);
        supervisors.MapAlertsApi();
        supervisors.MapAlertActionsApi();
        supervisors.MapIncidentsApi();
        supervisors.MapTouchpointsApi();
        supervisors.MapRulesApi();
        supervisors.MapInsightsApi();
        supervisors.MapExperienceDistributionApi();
        supervisors.MapCxInsightsPage();
        supervisors.MapSilencesApi(); // the wall's Mute is a supervisor's: a test account, a noisy touchpoint during a fix
        var admins = app.MapGroup("").RequireAuthorization(Access.AdminPolicy);
        admins.MapRuleChangesApi();
        admins.MapBacktestApi();
        admins.MapWebhooksApi();
        forAdmins?.Invoke(admins);
        var reference = app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value.EffectiveAccess(app.Environment);
        if (reference != ApiReferenceOptions.Off)
        {
            (reference == ApiReferenceOptions.Admins ? admins : anyone).MapCxOpenApi();
        }

        return app;
    }

    /// <summary>
    /// Sign-in cookies and antiforgery tokens are encrypted with ASP.NET Core's Data Protection keys.
    /// Kept per process (the default for a service account without a home), a person signed in on
    /// one silo or front would be signed out by the next and by every restart; in Redis mode every
    /// process shares one key ring, next to the cluster's state (docs/security.md names other stores).
    /// </summary>
    private static void ShareDataProtectionKeys(WebApplicationBuilder builder)
    {
        var serviceId = builder.Configuration.GetValue("Orleans:ServiceId", "cxlive")!;
        builder.Services.AddDataProtection().SetApplicationName("CxLive");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<RedisConnection>((o, connection) => o.XmlRepository = new RedisXmlRepository(
                () => connection.GetAsync().GetAwaiter().GetResult().GetDatabase(), $"{serviceId}/data-protection-keys"));

        // ASP.NET Core reads the key ring as the host starts, synchronously: with Redis down that held
        // a front's Kestrel back for ~16 s (liveness refused, a probe could restart it). It is read
        // when first needed instead (a sign-in, a page's form), and retried there while Redis is away.
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService") is { } warmUp)
        {
            builder.Services.Remove(warmUp);
        }
    }
}
