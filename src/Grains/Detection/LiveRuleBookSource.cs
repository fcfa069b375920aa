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

    /// <summary>The book these changes would give, or null with errors naming each rule and parameter.</summary>
    public RuleBook? TryBuild(RuleChanges changes, List<string> errors)
    {
        var merged = new Dictionary<string, RuleOptions>(_configured, StringComparer.Ordinal);
        foreach (var (ruleId, change) in changes.ByRule)
        {
            merged[ruleId] = new RuleOptions
            {
                Enabled = change.Enabled,
                Severity = change.Severity,
                Parameters = new Dictionary<string, string>(change.Parameters, StringComparer.Ordinal),
            };
        }

        return RuleBook.TryCreate(_detectors.Definitions, merged, errors);
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

            var errors = new List<string>();
            if (TryBuild(changes, errors) is not { } book)
            {
                // Stored changes no longer fit this build (a parameter was renamed): keep what runs.
                _logger.LogError("Rule changes version {Version} do not apply: {Errors}", changes.Version, string.Join("; ", errors));
                return;
            }

            _current = book;
            Version = changes.Version;
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }
    }
}
