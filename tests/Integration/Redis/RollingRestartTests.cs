using System.Net;
using CxLive.Dashboard.Operations;
using CxLive.Silo.Operations;
using CxLive.Tests.Integration.Support;
using Xunit.Abstractions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// A rolling restart as an upgrade does it: three real silo processes, each stopped with SIGTERM and
/// started again (same address, as systemd restarts it) while an integrator sends steadily to all three.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class RollingRestartTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private string Stream => _service + ":interactions";

    [Fact]
    public async Task Restarting_three_silos_one_by_one_under_traffic_answers_only_202_or_503_and_loses_and_doubles_nothing()
    {
        var settings = Enumerable.Range(0, 3).Select(_ => SiloProcess.WithDefaultMembership(SiloProcess.SettingsFor(redis, _service, Stream))).ToArray();
        var silos = await SiloProcess.StartAllAsync(SiloProcess.Silo, settings);

        try
        {
            var integrator = new SteadyIntegrator([() => silos[0].Http, () => silos[1].Http, () => silos[2].Http], TimeSpan.FromMilliseconds(20));
            using var stop = new CancellationTokenSource();
            var traffic = integrator.RunAsync(stop.Token);
            await integrator.AcknowledgedAsync(100, TimeSpan.FromSeconds(60));

            for (var i = 0; i < 3; i++)
            {
                var took = await silos[i].StopAsync(TimeSpan.FromSeconds(75));
                var stopped = silos[i]; // its address refuses connections until the new process listens
                silos[i] = await SiloProcess.StartAsync(settings[i]);
                await stopped.DisposeAsync();
                await Eventually.TrueAsync(async () => (await silos[i].Http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), $"silo {i} ready again");
                output.WriteLine($"silo {i}: stopped in {took.TotalSeconds:0.0} s, ready again");
                await integrator.AcknowledgedAsync(100, TimeSpan.FromSeconds(60)); // traffic flows again before the next stop
            }

            stop.Cancel();
            await traffic;

            var answers = integrator.Answers;
            output.WriteLine($"{answers.Count} answers: {answers.Count(a => a.Status == HttpStatusCode.Accepted)} 202, {answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} 503, {answers.Count(a => a.Status is null)} refused connections, slowest {answers.Max(a => a.Took).TotalMilliseconds:0} ms");
            Assert.All(answers.Where(a => a.Status is not null), a => Assert.True(
                a.Status == HttpStatusCode.Accepted || (a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter),
                $"an integrator was answered {a.Status} (only 202, or 503 with Retry-After, are expected)"));
            Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(10), $"a request took {a.Took.TotalMilliseconds:0} ms"));

            await Eventually.TrueAsync(
                async () => await ClusterGauges.BacklogAsync(redis.Db, Stream, StreamTraffic.Group) is (0, 0),
                TimeSpan.FromSeconds(120),
                "the stream to be read and acknowledged");
            foreach (var (customer, count) in integrator.Acknowledged)
            {
                Assert.Equal(count, await StreamTraffic.InteractionCountAsync(silos[0].Http, customer));
            }

            Assert.Equal(integrator.Acknowledged.Values.Sum(), await StreamTraffic.TouchpointTotalAsync(silos[0].Http, integrator.Touchpoint));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await (silo?.DisposeAsync() ?? ValueTask.CompletedTask);
            }
        }
    }
}
