using CxLive.Dashboard.Feed;
using CxLive.Dashboard.Hubs;
using CxLive.Dashboard.Security;
using CxLive.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace CxLive.Dashboard;

/// <summary>Registers and maps the real-time side: hub, alert-feed bridge and pages.</summary>
public static class DashboardExtensions
{
    private static readonly EmbeddedFileProvider Pages =
        new(typeof(DashboardExtensions).Assembly, "CxLive.Dashboard.wwwroot");

    public static IServiceCollection AddCxDashboard(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions));
        services.AddSingleton<HubAlertFeedObserver>();
        services.AddHostedService<AlertFeedSubscription>();
        services.AddSingleton<HubCustomerWatcher>();
        services.AddSingleton<CustomerWatches>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomerWatches>());
        return services;
    }

    /// <summary>Static assets (scripts, styles, the SignalR client) from this assembly.</summary>
    public static IApplicationBuilder UseCxDashboardAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Pages });

    public static IEndpointRouteBuilder MapCxDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHub<CxHub>(CxHub.Path);
        app.MapGet("/", () => Page("index.html")).ExcludeFromDescription().RequireAuthorization(Access.SupervisorPolicy);
        app.MapGet("/insights", () => Page("insights.html")).ExcludeFromDescription().RequireAuthorization(Access.SupervisorPolicy);
        app.MapGet("/agent", () => Page("agent.html")).ExcludeFromDescription().RequireAuthorization(Access.PeoplePolicy);
        app.MapGet("/customers/{id}", (string id) => Page("customer.html")).ExcludeFromDescription().RequireAuthorization(Access.PeoplePolicy);
        app.MapGet("/login", () => Page("login.html")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription(); // no icon yet; spares browsers a 404
        return app;
    }

    private static IResult Page(string name)
    {
        var file = Pages.GetFileInfo(name);
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }
}
