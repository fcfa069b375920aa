using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Feed;
using CxLive.Dashboard.Hubs;
using CxLive.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace CxLive.Dashboard;

/// <summary>Registers and maps the real-time side: hub, alert-feed bridge and pages.</summary>
public static class DashboardExtensions
{
    private static readonly EmbeddedFileProvider Pages =
        new(typeof(DashboardExtensions).Assembly, "CxLive.Dashboard.wwwroot");

    private const long ReplayBufferBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddCxDashboard(this IServiceCollection services)
    {
        // Stateful reconnect keeps what each client has not acknowledged yet (it acknowledges about
        // once a second); at SignalR's default of 100 KB a flooded wall received ~75 alerts a second.
        // 4 MB carries a few thousand a second per client (a fixed size, not a setting: docs/configuration.md, under `Web`).
        services.AddSignalR(o =>
            {
                o.StatefulReconnectBufferSize = ReplayBufferBytes;
                o.AddFilter<HubCallsLogged>();
            })
            .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions));
        services.AddSingleton<HubCallsLogged>();
        // HubCallsLogged writes the one line above debug level that SignalR's dispatcher writes, at the
        // level its cause deserves; LoggedHubActivator the failure to create a hub, which no filter sees.
        services.AddLogging(logging => logging.AddFilter(HubCallsLogged.DispatcherCategory, LogLevel.Critical));
        services.AddScoped(typeof(IHubActivator<>), typeof(LoggedHubActivator<>)); // after AddSignalR: the last registration is the one used
        services.AddSingleton<HubPushes>();
        services.AddSingleton<AgentCustomerAccess>();
        services.AddSingleton<ServiceStatusPush>();
        services.AddSingleton<FeedRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedRelay>());
        services.AddSingleton<HubCustomerWatcher>();
        services.AddSingleton<CustomerWatches>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomerWatches>());
        return services;
    }

    /// <summary>Static assets (scripts, styles, the SignalR client) from this assembly.</summary>
    public static IApplicationBuilder UseCxDashboardAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Pages });

    // Who may open what is WebTier's to say: it maps each of these under a policy's group.

    /// <summary>The hub (signed-in people; each subscription is checked against the caller's role).</summary>
    public static IEndpointRouteBuilder MapCxHub(this IEndpointRouteBuilder app)
    {
        // Stateful reconnect: a client whose connection dropped for a moment gets what was in flight
        // replayed on the same connection, with no resubscription at all.
        app.MapHub<CxHub>(CxHub.Path, o => o.AllowStatefulReconnects = true);
        return app;
    }

    /// <summary>The pages of signed-in people: the wall (or the agent console), the console, a customer.</summary>
    public static IEndpointRouteBuilder MapCxPages(this IEndpointRouteBuilder app)
    {
        // The wall is the supervisors' home; an agent who opens the address lands on their console.
        app.MapGet("/", (HttpContext http) => http.User.SeesEverything() ? Page("index.html") : Results.Redirect("/agent")).ExcludeFromDescription();
        app.MapGet("/agent", () => Page("agent.html")).ExcludeFromDescription();
        app.MapGet("/customers/{id}", (string id) => Page("customer.html")).ExcludeFromDescription();
        return app;
    }

    /// <summary>The insights page (supervisors).</summary>
    public static IEndpointRouteBuilder MapCxInsightsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/insights", () => Page("insights.html")).ExcludeFromDescription();
        return app;
    }

    /// <summary>What anyone may open: the sign-in page, and the icon browsers ask for.</summary>
    public static IEndpointRouteBuilder MapCxSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", () => Page("login.html")).ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription(); // no icon yet; spares browsers a 404
        return app;
    }

    /// <summary>
    /// What a signed-in person reads on a page their role does not open (status 403); on an admins'
    /// page (the Orleans dashboard, an admins-only API reference) it says so, since she cannot tell
    /// from the page she asked for whose it is.
    /// </summary>
    internal static IResult ForbiddenPage(bool forAdmins)
    {
        if (!forAdmins)
        {
            return Page("forbidden.html");
        }

        using var reader = new StreamReader(Pages.GetFileInfo("forbidden.html").CreateReadStream());
        return Results.Content(reader.ReadToEnd().Replace("<main class=\"login\">", "<main class=\"login\" data-needs=\"admin\">", StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    private static IResult Page(string name)
    {
        var file = Pages.GetFileInfo(name);
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }
}
