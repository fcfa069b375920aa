using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Stops a host whose clock is a <see cref="FakeTimeProvider"/> with time running on, as it does for
/// a real process. Orleans waits out its stop on the host's clock (deactivations, a call placed as
/// the silo leaves waiting for a silo to place it on), and a clock that no test advances any more
/// held each stop until its shutdown timeout: the in-process cluster of the grain tests took 30 s
/// to stop, a third of a minute in which its thread of the test run did nothing.
/// </summary>
public static class ClockRunsOn
{
    public static async Task WhileAsync(FakeTimeProvider clock, Func<Task> stop)
    {
        using var stopped = new CancellationTokenSource();
        var running = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            while (await tick.WaitForNextTickAsync(stopped.Token).ConfigureAwait(false))
            {
                clock.Advance(TimeSpan.FromMilliseconds(100)); // five times real time: a retry's wait of seconds passes in well under one
            }
        });
        try
        {
            await stop().ConfigureAwait(false); // called from a sync Dispose too: no wait for the test's context
        }
        finally
        {
            await stopped.CancelAsync().ConfigureAwait(false);
            await running.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
