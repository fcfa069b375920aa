namespace CxLive.Dashboard.Hosting;

/// <summary>
/// A start that fails ends in one line of CxLive's (a setting to fix, Redis not answering) or, for
/// anything else, in the runtime's unhandled exception: either way the exception that stopped the
/// start is said once, at the end. The host and Orleans log that same exception first, each with its
/// stack (four blocks for a Redis that does not answer), which buried the line an operator needs.
/// So until the host has started, their errors are left to that end: warnings still show, and so
/// does a background service's fault (the host logs it as critical). Once the start has failed,
/// what Orleans says while the host is torn down is left out too (<see cref="Run"/>). Once started,
/// nothing changes.
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
        var failure = new StartFailure();
        logging.Services.AddSingleton(failure);
        // Every rule, as configured, gains the one condition: whichever rule the logging picks for a
        // logger (by provider, category prefix, wildcard, as it always does) keeps its level and its
        // own filter. After configuration, and again whenever the configuration is reloaded.
        logging.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            bool Shown(string? category, LogLevel level) => started()
                || (level != LogLevel.Error || !Reporters.Contains(category ?? "")) && !(failure.Failed && level >= LogLevel.Warning && TornDown(category));
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

    /// <summary>
    /// <c>app.Run()</c>, except that a start that fails is noted before the host is torn down: what
    /// Orleans says while it tears down a silo or client that never finished starting (its stops
    /// cancelled, a membership row it could not write, a provider already disposed: 37 lines for a web
    /// address in use) is about the teardown, not the cause, which the last line says.
    /// </summary>
    public static void Run(WebApplication app)
    {
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped while still starting (a front waiting for Redis or its first silo, then SIGTERM):
            // a stop asked for, not a failed start. It ended with an unhandled exception, exit 134.
            app.Logger.LogInformation("Stopped before it finished starting");
            ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }
        catch
        {
            if (app.Services.GetService<StartFailure>() is { } failure)
            {
                failure.Failed = true;
            }

            ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        try
        {
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
        }
        finally
        {
            ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool TornDown(string? category) => category is not null && category.StartsWith("Orleans.", StringComparison.Ordinal);
}

/// <summary>Whether this host's start failed: set by <see cref="StartFailureLogs.Run"/> before the host is torn down.</summary>
internal sealed class StartFailure
{
    public volatile bool Failed;
}
