using CxLive.Contracts.Rules;
using CxLive.Grains.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Detection;

/// <summary>
/// The rules in force in this silo: the catalogue's defaults, then configuration, then run-time
/// changes from the rules grain (applied by <see cref="RuleBookWatcher"/>, or at once by the silo
/// that took the change). Readers get an immutable book; a change swaps in a new one.
/// </summary>
public sealed class LiveRuleBookSource : IRuleBookSource
{
    private readonly IReadOnlyDictionary<string, RuleOptions> _configured;
    private readonly CustomerDetectors _detectors;
    private readonly ILogger<LiveRuleBookSource> _logger;
    private readonly object _gate = new();
    private volatile RuleBook _current;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveRuleBookSource(IOptions<DetectionOptions> options, CustomerDetectors detectors, ILogger<LiveRuleBookSource> logger)
    {
        _configured = options.Value.Rules;
        _detectors = detectors;
        _logger = logger;
        var errors = new List<string>();
        _current = TryBuild(RuleChanges.None, errors)
            ?? throw new OptionsValidationException(DetectionOptions.Section, typeof(DetectionOptions), errors);
    }

    public RuleBook Current => _current;

    /// <summary>The version of the run-time changes in <see cref="Current"/>.</summary>
    public long Version { get; private set; }

    /// <summary>The catalogue the rules apply to (for back-tests, which run it outside grains).</summary>
    public CustomerDetectors Detectors => _detectors;

    /// <summary>Completes at the next change: lets tests and tools wait for a signal instead of time.</summary>
    public Task NextChange => _changed.Task;

    /// <summary>
    /// The book these changes would give, or null with errors naming each rule and parameter. With
    /// <paramref name="lenient"/>, a change that does not compile in this build (a value now out of
    /// range, a rule this build does not have) is left out, its rule as configured, and named in
    /// <paramref name="errors"/>; the others stand. One stale change once threw every stored change
    /// away, turning disabled rules back on, and locked out the PUT that would have fixed it.
    /// </summary>
    public RuleBook? TryBuild(RuleChanges changes, List<string> errors, bool lenient = false)
    {
        var merged = new Dictionary<string, RuleOptions>(_configured, StringComparer.Ordinal);
        foreach (var (ruleId, change) in changes.ByRule)
        {
            var options = new RuleOptions
            {
                Enabled = change.Enabled,
                Severity = change.Severity,
                Parameters = new Dictionary<string, string>(change.Parameters, StringComparer.Ordinal),
            };
            if (lenient && !Compiles(ruleId, options, errors))
            {
                continue;
            }

            merged[ruleId] = options;
        }

        // TryCreate answers null once its list holds any error: the left-out changes' are not this book's.
        var bookErrors = new List<string>();
        var book = RuleBook.TryCreate(_detectors.Definitions, merged, bookErrors);
        errors.AddRange(bookErrors);
        return book;
    }

    /// <summary>Whether one rule's change compiles beside the configured rest (rules do not depend on each other).</summary>
    private bool Compiles(string ruleId, RuleOptions options, List<string> errors)
    {
        var alone = new Dictionary<string, RuleOptions>(_configured, StringComparer.Ordinal) { [ruleId] = options };
        var ruleErrors = new List<string>();
        var compiles = RuleBook.TryCreate(_detectors.Definitions, alone, ruleErrors) is not null;
        errors.AddRange(ruleErrors);
        return compiles;
    }

    /// <summary>Puts newer changes in force; older or equal versions are ignored.</summary>
    public void Apply(RuleChanges changes)
    {
        lock (_gate)
        {
            if (changes.Version <= Version)
            {
                return;
            }

            // Stored changes that no longer fit this build (a value now out of range, a parameter
            // renamed) are left out one rule at a time; the version moves on, so it is said once.
            var errors = new List<string>();
            var book = TryBuild(changes, errors, lenient: true)!; // the configured rules compiled at start
            if (errors.Count > 0)
            {
                _logger.LogError("Rule changes version {Version}: these rules run as configured, their stored changes do not apply in this version (change them again with PUT /api/rules): {Errors}",
                    changes.Version, string.Join("; ", errors));
            }

            _current = book;
            Version = changes.Version;
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }
    }
}
