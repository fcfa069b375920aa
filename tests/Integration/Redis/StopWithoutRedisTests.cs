using System.Net;
using CxLive.Tests.Integration.Support;
using Xunit.Abstractions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// A silo process stopped (SIGTERM) while its real redis-server is paused or down, as when silos are
/// stopped because Redis went away: it must end by itself, cleanly, within the stop timeout the
/// deployment kit gives it.
/// </summary>
[Collection(WaitingProcessCollection.Name)]
public sealed class StopWithoutRedisTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private string Stream => _service + ":interactions";

    [Fact]
    public async Task A_stop_while_Redis_is_paused_ends_cleanly_within_the_services_stop_timeout()
    {
        await using var silo = await SiloProcess.StartAsync(SiloProcess.SettingsFor(redis, _service, Stream));
        await SteadyTrafficAsync(silo, acknowledged: 100);

        await redis.PauseAsync();
        try
        {
            await StopsCleanlyAsync(silo, "paused");
        }
        finally
        {
            await redis.ResumeAsync();
        }
    }

    [Fact]
    public async Task A_stop_while_Redis_is_down_ends_cleanly_within_the_services_stop_timeout()
    {
        await using var silo = await SiloProcess.StartAsync(SiloProcess.SettingsFor(redis, _service, Stream));
        await SteadyTrafficAsync(silo, acknowledged: 100);

        await redis.StopAsync();
        try
        {
            // Down long enough for the silo to know it, as when silos are stopped because Redis went away.
            await Eventually.TrueAsync(async () => (await silo.Http.GetAsync("health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "not ready while Redis is down");
            await StopsCleanlyAsync(silo, "down");
        }
        finally
        {
            await redis.StartAgainAsync();
        }
    }

    private static async Task SteadyTrafficAsync(SiloProcess silo, int acknowledged)
    {
        var integrator = new SteadyIntegrator([() => silo.Http], TimeSpan.FromMilliseconds(20));
        using var stop = new CancellationTokenSource();
        var traffic = integrator.RunAsync(stop.Token);
        await integrator.AcknowledgedAsync(acknowledged, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await traffic;
    }

    /// <summary>SIGTERM; the process must end by itself with status 0 within the stop timeout, not be killed (137).</summary>
    private async Task StopsCleanlyAsync(SiloProcess silo, string redisIs)
    {
        // TimeoutStopSec=75 in deploy/cxlive.service, stop_grace_period 75s in compose, 90 s on Kubernetes.
        var took = await silo.StopAsync(TimeSpan.FromSeconds(75));
        output.WriteLine($"stopped in {took.TotalSeconds:0.0} s with Redis {redisIs}, exit status {silo.ExitCode}");
        Assert.True(silo.ExitCode == 0, $"exit status {silo.ExitCode} (137: killed) with Redis {redisIs}; the silo said:\n{silo.AllOutput()}");
        Assert.True(took < TimeSpan.FromSeconds(60), $"the stop took {took.TotalSeconds:0.0} s with Redis {redisIs}; the silo said:\n{silo.AllOutput()}");
    }
}
