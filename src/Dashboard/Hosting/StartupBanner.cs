using CxLive.Dashboard.Redis;
using CxLive.Dashboard.Security;
using CxLive.Grains.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CxLive.Dashboard.Hosting;

/// <summary>Says where to point a browser once the server listens, above the log noise.</summary>
public static class StartupBanner
{
    /// <param name="app">The silo's or the web front's application.</param>
    /// <param name="front">A web front: it joins the silos' cluster as a client and runs no demo traffic of its own.</param>
    public static WebApplication AnnounceAddress(this WebApplication app, bool front = false)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "(no address)";
            var demo = app.Configuration.GetValue<bool>("Demo:Enabled") ? "on" : "off (start with --demo to turn it on)";
            Console.WriteLine();
            var mode = front ? $"web front of the Redis-mode cluster {app.Configuration.GetValue("Orleans:ServiceId", "cxlive")}/{app.Configuration.GetValue("Orleans:ClusterId", "cxlive")}: pages, APIs and pushes here, alerts and customers on its silos"
                : RedisMode.ConnectionString(app.Configuration) is null ? "embedded mode: one process, state in memory"
                : "Redis mode: durable state, clustering, reminders and stream ingestion in Redis";
            Console.WriteLine($"  CxLive is running ({mode}).");
            if (!front && !WebTier.Enabled(app.Configuration)) // a front always serves people: the setting is its silos'
            {
                // A compute-only silo: its address serves probes and metrics, the fronts serve people.
                Console.WriteLine($"  Compute only (Web:Enabled=false): no wall and no ingest API here; the web fronts serve them.");
                Console.WriteLine($"  Health:       {url.TrimEnd('/')}/health/ready, metrics: {url.TrimEnd('/')}/metrics");
                Console.WriteLine();
                return;
            }

            Console.WriteLine($"  Alert wall:   {url.TrimEnd('/')}/");
            Console.WriteLine($"  Ingest:       POST {url.TrimEnd('/')}/api/interactions");
            if (!front)
            {
                Console.WriteLine($"  Demo traffic: {demo}");
            }

            var security = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value;
            if (!security.Active.Any() && security.IsOpen(app.Environment))
            {
                Console.WriteLine("  WARNING: ingestion is OPEN: no API key is configured (Security:ApiKeys), so anyone who");
                Console.WriteLine("           can reach this port can send interactions. Fine for the demo; see docs/security.md.");
            }

            if (security.PeopleOpen(app.Environment))
            {
                Console.WriteLine("  WARNING: no sign-in: no user or identity provider is configured (Security:Users, Oidc),");
                Console.WriteLine("           so anyone who can reach this port sees every customer and alert. Fine for the demo.");
            }

            Console.WriteLine();
        });
        return app;
    }
}
