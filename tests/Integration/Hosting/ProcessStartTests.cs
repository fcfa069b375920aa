using System.Net;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Hosting;

/// <summary>
/// A Redis-mode process started as an operator starts the published program, from another folder,
/// while it cannot join its cluster yet (Redis stalled): it is live at once, not started nor ready
/// until it joins, reads the settings beside it, and exports runtime and process metrics.
/// </summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed class ProcessStartTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Live_answers_before_the_silo_has_joined_and_settings_come_from_the_programs_folder()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var elsewhere = Directory.CreateTempSubdirectory("cxlive-cwd-").FullName;
        await redis.PauseAsync();
        SiloProcess silo;
        try
        {
            var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
            settings["ASPNETCORE_ENVIRONMENT"] = "Development"; // its settings file beside the dll has the demo's agents
            silo = SiloProcess.Launch(settings, elsewhere);
            await Eventually.TrueAsync(async () => await StatusAsync(silo, "health/live") == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "live while the silo cannot join");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(silo, "health/startup"));
            Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(silo, "health/ready"));
        }
        finally
        {
            await redis.ResumeAsync();
        }

        await using (silo)
        {
            await Eventually.TrueAsync(async () => await StatusAsync(silo, "health/startup") == HttpStatusCode.OK, TimeSpan.FromSeconds(120), "started once Redis answers");
            await Eventually.TrueAsync(async () => await StatusAsync(silo, "health/ready") == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "ready once Redis answers");

            // Not ready while it joined is a state, not an error: no error line per readiness probe.
            Assert.DoesNotContain(silo.LinesStartingWith("fail:"), line => line.Contains("HealthChecks", StringComparison.Ordinal));

            // The demo agents are configured only in appsettings.Development.json beside CxLive.Silo.dll.
            Assert.Contains("li.na", await silo.Http.GetStringAsync("api/agents"));
            var metrics = await silo.Http.GetStringAsync("metrics");
            Assert.Contains("process_memory_usage_bytes", metrics);
            Assert.Contains("dotnet_gc_", metrics);
            Assert.Contains("dotnet_thread_pool_", metrics);
        }

        Directory.Delete(elsewhere, recursive: true);
    }

    [Fact]
    public async Task A_front_started_while_Redis_is_down_listens_without_reading_its_key_ring_first()
    {
        // ASP.NET Core read the sign-in key ring from Redis before Kestrel listened: with Redis down,
        // /health/live refused connections for ~16 s after three timed-out reads, each logged as an error.
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.FrontSettingsFor(SiloProcess.SettingsFor(redis, service, service + ":interactions"));
        settings["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePorts.Next()}"; // nothing listens there

        await using var front = await SiloProcess.StartListeningAsync(settings, SiloProcess.Front);

        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(front, "health/ready"));
        Assert.DoesNotContain("key ring", front.AllOutput(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_production_process_has_the_agents_it_is_given_and_no_demo_agent_beside_them()
    {
        // The demo's roster sat in appsettings.json, and lists merge place by place: one agent given
        // for Production became that agent with the demo's skills added, beside two demo agents.
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}",
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(),
            ["Security:Open"] = "true",
            ["Outreach:Agents:0:Id"] = "ops.one",
            ["Outreach:Agents:0:Name"] = "Ops One",
            ["Outreach:Agents:0:Skills:0"] = "chat",
        };
        await using var silo = await SiloProcess.StartAsync(settings);

        var agent = Assert.Single(await Wire.ReadArray(await silo.Http.GetAsync("api/agents")));
        Assert.Equal("ops.one", (string)agent!["id"]!);
        Assert.Equal(["chat"], agent["skills"]!.AsArray().Select(skill => (string)skill!));
    }

    private static async Task<HttpStatusCode?> StatusAsync(SiloProcess silo, string path)
    {
        try
        {
            return (await silo.Http.GetAsync(path)).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
