using System.Net;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Redis;

/// <summary>A silo process in Redis mode, as a load balancer's probes and Prometheus see it, before and during a Redis outage.</summary>
[Collection(WaitingProcessCollection.Name)]
public sealed class RedisHealthTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Ready_follows_Redis_while_live_stays_up_and_the_stream_backlog_is_exported()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await SiloProcess.StartAsync(SiloProcess.SettingsFor(redis, service, service + ":interactions"));

        var ready = await silo.Http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string)(await ReadObject(ready))["checks"]!["redis"]!["status"]!);
        var metrics = await Eventually.ResultAsync(() => silo.Http.GetStringAsync("metrics"), m => m.Contains("cxlive_stream_pending"), TimeSpan.FromSeconds(30), "the stream gauges");
        Assert.Contains("cxlive_stream_lag", metrics);
        await Eventually.TrueAsync(async () => System.Text.RegularExpressions.Regex.IsMatch(await silo.Http.GetStringAsync("metrics"), @"^cxlive_ready(\{[^}]*\})? 1$", System.Text.RegularExpressions.RegexOptions.Multiline), TimeSpan.FromSeconds(30), "cxlive_ready 1");
        Assert.DoesNotContain("Could not refresh the cluster gauges", silo.Output);

        await redis.StopAsync();

        var down = await Eventually.ResultAsync(() => silo.Http.GetAsync("health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "ready to fail without Redis");
        Assert.Equal("Unhealthy", (string)(await ReadObject(down))["checks"]!["redis"]!["status"]!);
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("health/live")).StatusCode); // restarting it would not bring Redis back
        await Eventually.TrueAsync(async () => System.Text.RegularExpressions.Regex.IsMatch(await silo.Http.GetStringAsync("metrics"), @"^cxlive_ready(\{[^}]*\})? 0$", System.Text.RegularExpressions.RegexOptions.Multiline), TimeSpan.FromSeconds(30), "cxlive_ready 0");
    }
}
