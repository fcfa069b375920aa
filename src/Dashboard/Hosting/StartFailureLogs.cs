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
    public static void LeaveToTheLastLine(ILoggingBuilder logging, Func<bool> started)
    {
        // Every rule, as configured, gains the one condition: whichever rule the logging picks for a
        // logger (by provider, category prefix, wildcard, as it always does) keeps its level and its
        // own filter. After configuration, and again whenever the configuration is reloaded.
        logging.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            bool Shown(string? category, LogLevel level) => level != LogLevel.Error || started() || !Reporters.Contains(category ?? "");
            var rules = o.Rules.Select(r => new LoggerFilterRule(r.ProviderName, r.CategoryName, r.LogLevel,
                r.Filter is { } own ? (provider, category, level) => own(provider, category, level) && Shown(category, level) : (_, category, level) => Shown(category, level))).ToList();
            o.Rules.Clear();
            // Where no rule applies at all, the minimum level does (a rule without a level would let
            // everything through), and this condition; first, so that a configured Default still wins.
            o.Rules.Add(new LoggerFilterRule(null, null, o.MinLevel, (_, category, level) => Shown(category, level)));
            foreach (var rule in rules)
            {
                o.Rules.Add(rule);
            }
        });
    }
}
