using System.Net;
using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>A web front started before any silo of its cluster (or left with none): what its callers see.</summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed class FrontBeforeSilosTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>The settings of a silo of a cluster of its own that serves no web: the front is the only web server.</summary>
    private Dictionary<string, string> ComputeOnlySilo()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings["Web:Enabled"] = "false";
        return settings;
    }

    /// <summary>A front still waiting for its first silo was stopped: it ended with an unhandled TaskCanceledException, exit 134.</summary>
    [Fact]
    public async Task A_front_stopped_while_it_waits_for_its_first_silo_ends_cleanly()
    {
        var siloSettings = ComputeOnlySilo();
        await using var front = await SiloProcess.StartListeningAsync(SiloProcess.FrontSettingsFor(siloSettings), SiloProcess.Front);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await front.Http.GetAsync("health/ready")).StatusCode); // still waiting

        await front.StopAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain("Unhandled exception", front.AllOutput());
        Assert.Equal(0, front.ExitCode);
    }

    /// <summary>
    /// A wall opened on the front before any silo came gets the alert raised from what the front took
    /// meanwhile: the silo reads it from the stream in its first second, before the front has first
    /// reached the alert partitions. The front took that for history, and the wall never heard of it.
    /// </summary>
    [Fact]
    public async Task A_wall_open_on_a_front_before_its_first_silo_gets_the_alert_raised_as_the_silo_starts()
    {
        var siloSettings = ComputeOnlySilo();
        await using var front = await SiloProcess.StartListeningAsync(SiloProcess.FrontSettingsFor(siloSettings), SiloProcess.Front);
        await using var wall = await WallClient.ConnectAsync(front.BaseAddress);
        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow;
        var searches = await front.Http.PostAsync("api/interactions", Wire.Body([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)))]));
        Assert.Equal(HttpStatusCode.Accepted, searches.StatusCode);

        await using var silo = await SiloProcess.StartAsync(siloSettings);

        try
        {
            var (_, alert) = await wall.NextForAsync(customer, TimeSpan.FromSeconds(30));
            Assert.Equal("repeated-failed-search", alert.RuleId);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The wall on the front never heard of the alert raised as the silo started.\nfront:\n{front.AllOutput()}");
        }
    }

    [Fact]
    public async Task A_front_with_no_silo_yet_answers_503_with_Retry_After_keeps_ingest_and_serves_once_a_silo_joins()
    {
        var siloSettings = ComputeOnlySilo();
        await using var front = await SiloProcess.StartListeningAsync(SiloProcess.FrontSettingsFor(siloSettings), SiloProcess.Front);

        // Reads need a silo: 503 with Retry-After (a client or load balancer retries), never a 500.
        var read = await front.Http.GetAsync("api/alerts?limit=1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), read.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No silo answered in time. Ask again after 2 s.", JsonNode.Parse(await read.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>()); // not an ingest's sentence about ids
        var ready = await front.Http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var why = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["cluster"]!["description"]!.GetValue<string>();
        Assert.StartsWith("no silo answers (", why); // what to look at, in the operator's words
        Assert.Contains("gateway port (Orleans:Endpoints:GatewayPort", why);
        Assert.DoesNotContain("Grain", why); // not Orleans' own message ("... IManagementGrain.GetHosts ...")

        // Ingest goes to the Redis stream, which keeps it until a silo reads it.
        var customer = "early-" + Guid.NewGuid().ToString("N")[..6];
        var ingest = await front.Http.PostAsync("api/interactions", Wire.Body(Make(customer, DateTimeOffset.UtcNow, InteractionTypes.PageView, "web/home")));
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);

        await using var silo = await SiloProcess.StartAsync(siloSettings);
        var count = await StreamTraffic.FirstRecordedAsync(front.Http, customer, "the front to serve the interaction it took before the silo came");
        Assert.Equal(1, count);

        // The compute-only silo does not point people at a wall it does not serve.
        await silo.WaitForOutputAsync("Compute only (Web:Enabled=false)", TimeSpan.FromSeconds(10), "the silo's banner");
        Assert.DoesNotContain("Alert wall:", silo.AllOutput());
        // Nor does it meet an integrator pointed at it with an empty 404 (the integrator trial).
        var astray = await silo.Http.GetAsync("api/alerts");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (astray.StatusCode, astray.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("this silo serves no API, pages or hub: it runs compute only (Web:Enabled=false). Send requests to a web front", (string)JsonNode.Parse(await astray.Content.ReadAsStringAsync())!["detail"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync("openapi/v1.json")).StatusCode);
        Assert.Equal("application/problem+json", (await silo.Http.GetAsync("openapi/v1.json")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("health/live")).StatusCode);

        // The front says it is one, of which cluster, and points people at its wall.
        await front.WaitForOutputAsync("Alert wall:", TimeSpan.FromSeconds(10), "the front's banner");
        Assert.Contains($"CxLive is running (web front of the Redis-mode cluster {siloSettings["Orleans:ServiceId"]}/", front.AllOutput());
        Assert.DoesNotContain("Demo traffic:", front.AllOutput()); // a front runs none
        Assert.DoesNotContain("Compute only", front.AllOutput()); // its settings, copied from the compute-only silos', say Web:Enabled=false
    }
}
