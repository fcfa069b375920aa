using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Detection;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;
using CxLive.Simulator;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Demo;

/// <summary>
/// Streams simulated journeys into this silo in real time through the same sink as HTTP ingestion
/// (straight to the grains, or through the stream in Redis mode), so the demo exercises the real
/// path. Each run uses fresh ids.
/// </summary>
public sealed class DemoTraffic(
    IInteractionSink sink,
    CustomerDetectors detectors,
    IOptions<DemoOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DemoTraffic> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        await lifetime.WhenStartedAsync(stoppingToken);
        var generator = new JourneyGenerator(
            new SimulatorOptions
            {
                Customers = demo.Customers,
                SessionsPerSecond = demo.SessionsPerSecond,
                BadExperienceRate = demo.BadExperienceRate,
                Seed = Random.Shared.Next(),
                IdPrefix = "demo" + Random.Shared.Next(0x1000, 0xffff).ToString("x"),
                StartWithBadExperience = true,
            },
            time.GetUtcNow(),
            detectors.BurstExamples);
        logger.LogWarning(
            "Demo traffic is ON: {Sessions} journey sessions/s over {Customers} simulated customers. Start without --demo to receive only real traffic.",
            demo.SessionsPerSecond, demo.Customers);

        using var timer = new PeriodicTimer(demo.Tick, time);
        var saidTooFew = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var due = generator.Advance(time.GetUtcNow());
            saidTooFew = saidTooFew || SayIfTooFewCustomers(generator, demo);
            if (due.Count == 0)
            {
                continue;
            }

            try
            {
                await sink.AcceptAsync([.. due.Select(g => g.Interaction)], stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Demo traffic could not deliver {Count} interactions; carrying on", due.Count);
            }
        }
    }

    /// <summary>
    /// Once a tenth of the sessions asked for found every customer busy, says so, once: asked for 40
    /// a second over 300 customers, the demo started 2.4 and nothing said why.
    /// </summary>
    private bool SayIfTooFewCustomers(JourneyGenerator generator, DemoOptions demo)
    {
        if (!generator.TooFewCustomers)
        {
            return false;
        }

        logger.LogWarning(
            "Demo traffic starts fewer sessions than Demo:SessionsPerSecond ({Sessions}/s): {Skipped} of {Asked} found all {Customers} customers busy (a customer is in one session at a time and rests a minute after it). Raise Demo:Customers to about {Needed}.",
            demo.SessionsPerSecond, generator.SessionsSkipped, generator.SessionsAsked, demo.Customers, JourneyGenerator.CustomersFor(demo.SessionsPerSecond));
        return true;
    }
}
