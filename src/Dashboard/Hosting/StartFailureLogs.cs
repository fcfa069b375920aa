namespace CxLive.Dashboard.Hosting;

/// <summary>
/// A start that fails ends in one line of CxLive's (a setting to fix, Redis not answering) or, for
/// anything else, in the runtime's unhandled exception: either way the exception that stopped the
/// start is said once, at the end. The host and Orleans log that same exception first, each with its
/// stack (four blocks for a Redis that does not answer), which buried the line an operator needs.
/// So until the host has started, their errors are left to that end: warnings still show, and so
/// does a background service's fault (the host logs it as critical). Once started, nothing changes.
/// </summary>
public static class StartFailureLogs
{
    /// <summary>The loggers that report a failed start: the host, and Orleans' silo and its lifecycle.</summary>
    private static readonly HashSet<string> Reporters = new(StringComparer.Ordinal)
    {
        "Microsoft.Extensions.Hosting.Internal.Host", "Orleans.Runtime.Silo", "Orleans.Runtime.SiloLifecycleSubject",
    };

    /// <param name="started">Whether the host has started (ApplicationStarted fired).</param>
    public static void LeaveToTheLastLine(ILoggingBuilder logging, IConfiguration configuration, Func<bool> started)
    {
        var levels = configuration.GetSection("Logging:LogLevel");
        var minimums = new System.Collections.Concurrent.ConcurrentDictionary<string, LogLevel>(StringComparer.Ordinal);
        foreach (var category in Reporters)
        {
            // A rule of its own for the category replaces the configured one there (the most specific
            // rule wins), so it applies the configured minimum itself, to whatever category it matches
            // by prefix ("Orleans.Runtime.Silo" also matches "Orleans.Runtime.SiloControl").
            logging.Services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, category, null, (_, name, level) =>
                level >= minimums.GetOrAdd(name ?? category, n => Minimum(levels, n))
                && (level != LogLevel.Error || !Reporters.Contains(name ?? "") || started()))));
        }
    }

    /// <summary>The level configured for <paramref name="category"/>: its longest prefix under Logging:LogLevel, else Default, else Information.</summary>
    private static LogLevel Minimum(IConfigurationSection levels, string category)
    {
        var best = levels.GetChildren()
            .Where(c => c.Key != "Default" && category.StartsWith(c.Key, StringComparison.Ordinal))
            .MaxBy(c => c.Key.Length)?.Value ?? levels["Default"];
        return Enum.TryParse<LogLevel>(best, ignoreCase: true, out var level) ? level : LogLevel.Information;
    }
}
