namespace CxLive.Dashboard.Redis;

/// <summary>
/// Redis mode, chosen by the connection string <c>ConnectionStrings:Redis</c>: grain state,
/// membership and reminders in Redis, Redis Streams ingestion, and HTTP ingestion that answers only
/// once the interactions are in the stream; web fronts join such a cluster as Orleans clients.
/// See docs/durability.md.
/// </summary>
public static class RedisMode
{
    public const string ConnectionName = "Redis";

    /// <summary>
    /// The connection string, null when unset. Set but empty (<c>ConnectionStrings__Redis=</c>, often
    /// a deploy variable that was never filled in) is refused: taken as unset it would run embedded,
    /// keeping everything in memory while the operator believes it durable.
    /// </summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) switch
        {
            null => null,
            var blank when string.IsNullOrWhiteSpace(blank) => throw new Hosting.ConfigurationError(
                "ConnectionStrings:Redis is set but empty: set it to the Redis address (host:port) for Redis mode, or remove it for embedded mode"),
            var url when url.Contains("://", StringComparison.Ordinal) => throw new Hosting.ConfigurationError(
                $"ConnectionStrings:Redis is a URL{SchemeOf(url)}: give it as host:port, with any password after a comma (127.0.0.1:6379,password=...; add ,ssl=true for TLS)"),
            var set => set,
        };

    /// <summary>" ('redis://...')" when the text starts with a scheme; nothing else of it, as a password may be anywhere in it.</summary>
    private static string SchemeOf(string url) =>
        System.Text.RegularExpressions.Regex.Match(url, "^(rediss?|https?|tcp|unix)://", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } scheme
            ? $" ('{scheme.Value}...')"
            : "";
}
