using System.Threading.RateLimiting;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Slows password guessing: ten failed sign-ins a minute per address. Only failures count: every
/// sign-in counted once, and behind a proxy (one address for everyone) the eleventh person to start
/// a shift in the same minute was refused, as was every test after the tenth.
/// </summary>
public sealed class SignInAttempts : IDisposable
{
    public const int FailuresPerMinute = 10;

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = FailuresPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Null when <paramref name="address"/> may try; else how long until it may.</summary>
    public TimeSpan? WaitBeforeTrying(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 0); // asks, takes nothing
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    public void Failed(string address)
    {
        using var _ = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
