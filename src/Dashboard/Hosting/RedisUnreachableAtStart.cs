using CxLive.Dashboard.Redis;
using StackExchange.Redis;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// A Redis-mode process that cannot reach Redis when it starts (the silo's membership, its state):
/// one line that names the setting, and an exit status a service manager restarts on, since Redis
/// may only be late. A wrong address says so the same way; it is the operator who can tell them apart.
/// </summary>
public static class RedisUnreachableAtStart
{
    /// <summary>EX_UNAVAILABLE from sysexits.h: not 78, so systemd's <c>Restart=on-failure</c> and Kubernetes try again.</summary>
    public const int ExitCode = 69;

    public static string? Describe(Exception exception, string? connectionString) =>
        Find(exception) is { } unreachable && !IsRefusedPassword(exception, connectionString)
            ? $"Redis at '{Where(connectionString)}' (ConnectionStrings:Redis) does not answer: {FirstSentence(unreachable)}. Start Redis or correct the address (host:port, not a redis:// URL); CxLive exits so that its service manager starts it again."
            : null;

    /// <summary>Redis answered but refused the password: a setting to fix (exit 78), not a wait.</summary>
    public static string? DescribeRefusedPassword(Exception exception, string? connectionString) =>
        IsRefusedPassword(exception, connectionString)
            ? RefusedPassword(connectionString)
            : null;

    private static string RefusedPassword(string? connectionString) =>
        $"Redis at '{Where(connectionString)}' refused the credentials: correct the password (and user, if it has one) in ConnectionStrings:Redis.";

    /// <summary>
    /// A web front that could not ask Redis at start: one connection, given <paramref name="patience"/>,
    /// tells a refused password (a setting to fix: exit 78) from Redis being down or slow (no reason
    /// not to start: the front listens and says "not ready" until Redis answers). A front with a
    /// wrong password otherwise ran on for ever, "not ready: the operation has timed out".
    /// </summary>
    public static string? ProbeForRefusedPassword(string? connectionString, TimeSpan patience) =>
        ProbeRefuses(connectionString, patience) ? RefusedPassword(connectionString) : null;

    /// <summary>
    /// Whether the failure was Redis refusing the credentials. The error that stops the start is
    /// often a command's timeout whose text names the last connection failure; on a loaded machine
    /// that timeout can come before the refusal was seen at all, so when the error says nothing
    /// either way, one connection is tried to find out (once per process: this is its way out).
    /// </summary>
    private static bool IsRefusedPassword(Exception exception, string? connectionString) =>
        Find(exception) is not null && (SaysAuthenticationFailed(exception) || (refusedOnProbe ??= ProbeRefuses(connectionString, TimeSpan.FromSeconds(10))));

    private static bool? refusedOnProbe;

    private static bool SaysAuthenticationFailed(Exception exception) => Chain(exception).Any(e =>
        e is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
        || e.Message.Contains("AuthenticationFailure", StringComparison.Ordinal) || e.Message.Contains("NOAUTH", StringComparison.Ordinal) || e.Message.Contains("WRONGPASS", StringComparison.Ordinal));

    private static IEnumerable<Exception> Chain(Exception? exception) => exception switch
    {
        null => [],
        AggregateException aggregate => [aggregate, .. aggregate.InnerExceptions.SelectMany(Chain)],
        _ => [exception, .. Chain(exception.InnerException)],
    };

    private static bool ProbeRefuses(string? connectionString, TimeSpan patience)
    {
        try
        {
            using var probe = ConnectionMultiplexer.Connect(Redis.RedisConnection.OneTry(ConfigurationOptions.Parse(connectionString ?? ""), patience));
            return false;
        }
        catch (Exception e)
        {
            return SaysAuthenticationFailed(e);
        }
    }

    // The endpoints only: the connection string holds the password, and this line goes to the journal.
    private static string Where(string? connectionString)
    {
        try
        {
            return RedisConnection.Where(ConfigurationOptions.Parse(connectionString ?? ""));
        }
        catch (Exception e) when (e is ArgumentException or RedisConnectionException)
        {
            return "(unreadable)";
        }
    }

    private static RedisException? Find(Exception? exception) => exception switch
    {
        null => null,
        RedisConnectionException or RedisTimeoutException => (RedisException)exception, // refused, or stalled
        // Several services failed at once: one line only if each failed for Redis. Another failure
        // beside it must not be lost in a line about Redis (the host's own log of it is left out
        // until the start: StartFailureLogs), so the whole exception is printed instead.
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).ToList() is var found && found.All(e => e is not null) ? found.FirstOrDefault() : null,
        _ => Find(exception.InnerException),
    };

    // StackExchange.Redis packs its whole state into its message; the socket's error says it plainly
    // ("Connection refused"), else the first clause of Redis' own ("UnableToConnect", "Timeout awaiting response").
    private static string FirstSentence(RedisException e)
    {
        var reason = e.GetBaseException() is var root && root is not RedisException ? root.Message : (e.InnerException ?? e).Message;
        var end = reason.IndexOfAny([',', '(']);
        return (end > 0 ? reason[..end] : reason).Trim().TrimEnd('.', '-').Trim();
    }
}
