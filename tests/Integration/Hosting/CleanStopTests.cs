using System.Net;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CxLive.Tests.Integration.Hosting;

/// <summary>
/// <c>SIGTERM</c> to a real CxLive process under traffic, as systemd, compose and Kubernetes stop it:
/// it ends in seconds and says nothing that looks like a crash (no <c>fail:</c> line, no flood of warnings).
/// </summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed class CleanStopTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    /// <summary>One embedded-mode process on ports of its own.</summary>
    private static Dictionary<string, string> EmbeddedSettings() => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}",
        ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(),
        ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(),
        ["Security:Open"] = "true",
    };

    [Fact]
    public async Task Embedded_mode_with_demo_traffic_stops_in_seconds_without_a_fail_line()
    {
        var settings = EmbeddedSettings();
        settings["Demo:Enabled"] = "true";
        // Customers flush on deactivation at the stop: many of them, each with a deadline and a timeline.
        settings["Demo:SessionsPerSecond"] = "40";
        // A customer is in one session at a time and rests a minute after it: over the default 300,
        // every customer was busy within seconds and alerts came at a trickle (14 in 90 s in one CI
        // run). Over 1,000, more keep starting: ~1 alert a second here alone.
        settings["Demo:Customers"] = "1000";
        await using var silo = await SiloProcess.StartAsync(settings);
        // Enough demo traffic that many customers hold deadlines and timelines when the stop comes.
        var seen = 0;
        try
        {
            await Eventually.TrueAsync(async () => (seen = (await StreamTraffic.AlertsAsync(silo.Http)).Count) >= 20, TimeSpan.FromSeconds(90), "twenty demo alerts");
        }
        catch (TimeoutException e)
        {
            // Once in two full runs this wait ran out under the run's load: say what the demo did.
            var metrics = await silo.Http.GetStringAsync("metrics");
            var counts = string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("cxlive_ingest", StringComparison.Ordinal) || l.StartsWith("cxlive_alerts", StringComparison.Ordinal)));
            throw new TimeoutException($"{e.Message} ({seen} alerts)\n{counts}\noutput:\n{silo.AllOutput()}", e);
        }

        var before = silo.LineCount;
        var took = await silo.StopAsync(TimeSpan.FromSeconds(60));
        var fails = silo.LinesStartingWith("fail:", before);
        var warnings = silo.LinesStartingWith("warn:", before);
        output.WriteLine($"embedded stop: {took.TotalSeconds:0.0} s, {fails.Count} fail: lines, {warnings.Count} warn: lines, {silo.LineCount - before} lines in all");
        Assert.True(fails.Count == 0, "fail: lines at the stop:\n" + silo.AllOutput(before));
        Assert.True(warnings.Count < 5, "a flood of warnings at the stop:\n" + silo.AllOutput(before));
        Assert.True(took < TimeSpan.FromSeconds(30), $"the stop took {took.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Redis_mode_under_traffic_stops_without_a_fail_line()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:LogLevel:Orleans"] = "Warning";
        await using var silo = await SiloProcess.StartAsync(settings);
        var integrator = new SteadyIntegrator([() => silo.Http], TimeSpan.FromMilliseconds(10));
        using var stop = new CancellationTokenSource();
        var traffic = integrator.RunAsync(stop.Token);
        await integrator.AcknowledgedAsync(300, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await traffic;

        var before = silo.LineCount;
        var took = await silo.StopAsync(TimeSpan.FromSeconds(75));
        var fails = silo.LinesStartingWith("fail:", before);
        output.WriteLine($"Redis-mode stop: {took.TotalSeconds:0.0} s, {fails.Count} fail: lines, {silo.LinesStartingWith("warn:", before).Count} warn: lines");
        Assert.True(fails.Count == 0, "fail: lines at the stop:\n" + silo.AllOutput(before));
        Assert.All(integrator.Answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
    }

    [Fact]
    public async Task With_a_drain_time_a_stopping_process_answers_503_with_Retry_After_before_it_stops_listening()
    {
        // Kubernetes still routes to a terminating pod for a moment: a refused connection there is an
        // error its callers see, a 503 with Retry-After is one they retry elsewhere.
        var settings = EmbeddedSettings();
        settings["Shutdown:Drain"] = "00:00:10"; // room for the checks below on a loaded machine
        await using var silo = await SiloProcess.StartAsync(settings);

        var stopping = silo.StopAsync(TimeSpan.FromSeconds(60));
        // From the process's own word that it drains, not from when the signal was sent: under a full
        // run's load the two were seconds apart, and a poll of the whole drain from the signal on once
        // came too late (the drain was over and the port closed).
        await silo.WaitForOutputAsync("Stopping: still answering 503", TimeSpan.FromSeconds(30), "the drain to begin");
        var ready = await silo.Http.GetAsync("health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, $"ready answered {(int)ready.StatusCode} while the process drained:\n{silo.AllOutput()}");
        var turnedAway = await silo.Http.PostAsync("api/interactions", Wire.Body(Interactions.Make("drain-" + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow, CxLive.Contracts.Journeys.InteractionTypes.PageView, "web/home")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, turnedAway.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), turnedAway.Headers.RetryAfter?.Delta);

        await stopping;
        Assert.Equal(0, silo.ExitCode);
    }

    [Fact]
    public async Task A_page_that_reconnects_at_once_while_the_process_drains_does_not_hold_up_the_stop()
    {
        // The pages reconnect as soon as the stop closes their hub connection. While the process
        // still listens (here a drain of 5 s), a connection it took then would be closed by no one,
        // and the stop would wait the host's whole 60 s for it, then stop the silo in a hurry.
        var settings = EmbeddedSettings();
        settings["Shutdown:Drain"] = "00:00:05";
        await using var silo = await SiloProcess.StartAsync(settings);
        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = false;
        await using var page = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.BaseAddress, "hubs/cx"))
            .WithAutomaticReconnect(new EveryTenthOfASecond())
            .WithStatefulReconnect() // as hub.js
            .Build();
        page.Reconnecting += _ => { reconnecting.TrySetResult(); return Task.CompletedTask; };
        page.Reconnected += _ => { reconnected = true; return Task.CompletedTask; };
        await page.StartAsync();
        await page.InvokeAsync<object>("SubscribeWall", null);

        var before = silo.LineCount;
        var took = await silo.StopAsync(TimeSpan.FromSeconds(75));
        output.WriteLine($"stop with a reconnecting page: {took.TotalSeconds:0.0} s");

        await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(1)); // the page did try while the process drained
        Assert.False(reconnected, "the stopping process took the page's connection again");
        Assert.True(took < TimeSpan.FromSeconds(30), $"the stop took {took.TotalSeconds:0.0} s:\n" + silo.AllOutput(before));
        Assert.Equal(0, silo.ExitCode);
    }

    private sealed class EveryTenthOfASecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(100);
    }
}
