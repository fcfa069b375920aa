using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxLive.Grains.Hosting;

/// <summary>
/// Whether the process hosting a grain has been asked to stop. A timer that only refreshes or retries
/// (a report, a lookup, a re-offer) skips its tick then: while the silo deactivates its grains, a
/// call to one already gone makes Orleans place it again on a silo that takes no new grains, which
/// fails with error lines in the stop's log and does nothing. What such a tick would have done, the
/// grain's next activation does.
/// </summary>
internal static class SiloStopping
{
    public static bool HostIsStopping(this IGrainBase grain) =>
        grain.GrainContext.ActivationServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true;

    /// <summary>A periodic tick that does nothing once the host is stopping.</summary>
    public static Func<Task> SkippedWhileStopping(this IGrainBase grain, Func<Task> tick) =>
        () => grain.HostIsStopping() ? Task.CompletedTask : tick();
}
