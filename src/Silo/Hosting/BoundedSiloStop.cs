using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Hosting;
using CxLive.Silo.Redis;

namespace CxLive.Silo.Hosting;

/// <summary>
/// The silo's own stop (its grains write their state, it leaves the membership table) waits on
/// Redis, and Orleans retries those writes for minutes (a status change for up to
/// <c>Orleans:Membership:MaxJoinAttemptTime</c>, 5 min; marking itself dead for up to a minute):
/// with Redis unreachable it held the process until <see cref="StopDeadline"/> killed it (exit
/// status 137). Here, once the silo has had <c>Shutdown:LeaveTimeout</c> (15 s) and Redis does not
/// answer a PING, the process stops waiting for it and ends normally (exit status 0). Nothing
/// acknowledged is lost by that: entries not acknowledged are delivered again, and the other silos
/// declare this one dead by their probes, as after a crash. While Redis answers, the silo's stop
/// is waited for as long as it takes. Embedded mode waits on nothing outside the process: unchanged.
/// </summary>
public static class BoundedSiloStop
{
    private const string SiloHostedService = "Orleans.Hosting.SiloHostedService";

    /// <summary>After <see cref="StartAfterSilo.Apply"/>, which must still recognise the silo's own service.</summary>
    public static void Apply(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IHostedService) && !descriptor.IsKeyedService && descriptor.ImplementationType?.FullName == SiloHostedService)
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new Bounded(
                    (IHostedService)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType),
                    sp.GetService<RedisConnection>(),
                    sp.GetRequiredService<SiloActive>(),
                    LeaveTimeout(sp.GetRequiredService<IConfiguration>()),
                    sp.GetRequiredService<ILogger<Bounded>>()));
                return;
            }
        }

        throw new InvalidOperationException($"{SiloHostedService} is not registered: call {nameof(Apply)} after the silo is added");
    }

    /// <summary>Read as the host starts: a negative one started cleanly and threw at the stop (as <c>Shutdown:Timeout</c> did).</summary>
    private static TimeSpan LeaveTimeout(IConfiguration configuration)
    {
        var leave = configuration.GetValue("Shutdown:LeaveTimeout", TimeSpan.FromSeconds(15));
        return leave >= TimeSpan.Zero ? leave : throw new ConfigurationError(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Shutdown:LeaveTimeout is {leave:c}: it must be 00:00:00 or more"));
    }

    /// <summary>The silo's own service; <paramref name="redis"/> null (embedded mode): its stop is waited for as long as it takes.</summary>
    public sealed class Bounded(IHostedService silo, RedisConnection? redis, SiloActive active, TimeSpan leaveTimeout, ILogger<Bounded> logger) : IHostedLifecycleService
    {
        /// <summary>How often, past the leave timeout, Redis is asked whether it answers.</summary>
        private static readonly TimeSpan AskEvery = TimeSpan.FromSeconds(5);

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await silo.StartAsync(cancellationToken);
            }
            catch (Exception e)
            {
                active.StartFailed(e); // the services waiting for the silo give up, and the host can end
                throw;
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            var stopping = silo.StopAsync(cancellationToken);
            if (redis is null)
            {
                await stopping;
                return;
            }

            var wait = leaveTimeout;
            while (await Task.WhenAny(stopping, Task.Delay(wait, CancellationToken.None)) != stopping)
            {
                if (!await redis.AnswersAsync(TimeSpan.FromSeconds(2)))
                {
                    logger.LogWarning("The silo did not leave the cluster within {Timeout} and Redis does not answer: stopping without it. The other silos declare it dead by their probes; stream entries not yet acknowledged are delivered again", leaveTimeout);
                    _ = stopping.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    return;
                }

                wait = AskEvery;
            }

            await stopping;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => (silo as IHostedLifecycleService)?.StartingAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => (silo as IHostedLifecycleService)?.StartedAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => (silo as IHostedLifecycleService)?.StoppingAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => (silo as IHostedLifecycleService)?.StoppedAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
