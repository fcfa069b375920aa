using CxLive.Contracts.Grains;
using CxLive.Contracts.Rules;
using CxLive.Grains.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Detection;

/// <summary>
/// Keeps this silo's rules in step with the cluster: asks the rules grain for its version four
/// times a second (one tiny call) and loads the changes when it moved, so a change made on any
/// silo is in force everywhere within a second, and again after a restart.
/// </summary>
public sealed class RuleBookWatcher(IGrainFactory grains, LiveRuleBookSource source, ILogger<RuleBookWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall-clock polling on purpose: this is infrastructure, not event time.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        do
        {
            try
            {
                var rules = grains.Ref<IRulesGrain>(0);
                if (await rules.GetVersionAsync() > source.Version)
                {
                    source.Apply(await rules.GetChangesAsync());
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not read rule changes yet; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
