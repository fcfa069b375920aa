using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> for tests that jump an app's clock by days: a periodic timer
/// fires once for a jump, as a real one does when a machine wakes from sleep, and then keeps its
/// period from the jump's end.
/// </summary>
/// <remarks>
/// <see cref="FakeTimeProvider.Advance(TimeSpan)"/> fires a periodic timer once for every period
/// it passes, and each firing scans every waiting timer. Orleans' runtime client checks its calls
/// on a one-second periodic timer of the app's clock, so a 30-day jump was 2.6 million firings:
/// 8 s of one core, 75 s of the test run for the two jumps of one test.
/// </remarks>
public sealed class JumpingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new OncePerJumpTimer(this, callback, state, dueTime, period);

    /// <summary>
    /// A timer of the fake clock whose every firing says when it fires next: a period after the
    /// clock's time, which during a jump is already the jump's end (the fake clock moves first,
    /// then fires what fell due), or when the callback's own change says.
    /// </summary>
    /// <remarks>
    /// The fake clock's timer reads its period after the callback returns, and schedules the next
    /// firing from it (or disables itself when there is none): so the period given to it is always
    /// the wait until the next firing, set during the callback.
    /// </remarks>
    private sealed class OncePerJumpTimer : ITimer
    {
        /// <summary>The longest wait a timer takes (about 49.7 days): a longer jump fires the timer again on the way.</summary>
        private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

        private readonly JumpingClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _shot;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private long _changes;
        private bool _firing;

        public OncePerJumpTimer(JumpingClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            (_clock, _callback, _state) = (clock, callback, state);
            _shot = clock.CreateOneShot(_ => Fire());
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _changes++;
            _period = period;
            // During the callback the fake timer schedules its next firing from its period once the callback returns.
            return _shot.Change(dueTime, _firing ? dueTime : Timeout.InfiniteTimeSpan);
        }

        private void Fire()
        {
            var changes = _changes;
            _firing = true;
            try
            {
                _callback(_state);
            }
            finally
            {
                _firing = false;
            }

            if (_changes != changes)
            {
                return; // the callback said when it fires next
            }

            var next = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? Min(_period, Longest) : Timeout.InfiniteTimeSpan;
            _firing = true;
            try
            {
                _shot.Change(next, next);
            }
            finally
            {
                _firing = false;
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        public void Dispose() => _shot.Dispose();

        public ValueTask DisposeAsync() => _shot.DisposeAsync();
    }

    private ITimer CreateOneShot(TimerCallback callback) => base.CreateTimer(callback, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
}
