namespace CxLive.Dashboard.Security;

/// <summary>
/// Slows password guessing: ten failed sign-ins a minute per address. A try is counted before its
/// password is checked (tries sent together cannot all slip past while the hash runs), and given
/// back when it signs in: only failures count. Counting every sign-in, behind a proxy (one address
/// for everyone) the eleventh person to start a shift in the same minute was refused. Each process
/// counts its own: with several web servers behind a balancer, an address gets ten per server.
/// </summary>
public sealed class SignInAttempts(TimeProvider time)
{
    public const int FailuresPerMinute = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _tries = new(StringComparer.Ordinal);

    /// <summary>Counts a try from <paramref name="address"/>: null when it may go on, else how long until the address may try again.</summary>
    public TimeSpan? Begin(string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_tries.Count > 10_000)
            {
                foreach (var stale in _tries.Where(t => now - t.Value.Start >= Window).Select(t => t.Key).ToList())
                {
                    _tries.Remove(stale);
                }
            }

            var (start, count) = _tries.TryGetValue(address, out var tries) && now - tries.Start < Window ? tries : (now, 0);
            if (count >= FailuresPerMinute)
            {
                return start + Window - now;
            }

            _tries[address] = (start, count + 1);
            return null;
        }
    }

    /// <summary>A try that signed in is given back.</summary>
    public void SignedIn(string address)
    {
        lock (_lock)
        {
            if (_tries.TryGetValue(address, out var tries) && tries.Count > 0)
            {
                _tries[address] = (tries.Start, tries.Count - 1);
            }
        }
    }
}
