using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CxLive.Grains.Detection;

/// <summary>
/// Every rule as it is set right now, compiled. Immutable: a change builds a new book, so a detector
/// run never sees half a change.
/// </summary>
public sealed class RuleBook
{
    private readonly FrozenDictionary<string, ActiveRule> _rules;

    private RuleBook(FrozenDictionary<string, ActiveRule> rules) => _rules = rules;

    public IEnumerable<ActiveRule> Rules => _rules.Values;

    /// <summary>The rule if it exists and is enabled; detectors of disabled rules do nothing.</summary>
    public ActiveRule? Enabled(string ruleId) =>
        _rules.TryGetValue(ruleId, out var rule) && rule.Enabled ? rule : null;

    public ActiveRule? Find(string ruleId) => _rules.GetValueOrDefault(ruleId);

    /// <summary>The catalogue with its defaults.</summary>
    public static RuleBook Defaults(IEnumerable<RuleDefinition> definitions) =>
        new(definitions.ToFrozenDictionary(d => d.RuleId, RuleCompiler.CompileDefaults, StringComparer.Ordinal));

    /// <summary>
    /// The catalogue with configured settings laid over the defaults. Returns null and fills errors
    /// (each naming the rule and the parameter) when any setting is invalid.
    /// </summary>
    public static RuleBook? TryCreate(
        IEnumerable<RuleDefinition> definitions,
        IReadOnlyDictionary<string, RuleOptions> configured,
        List<string> errors)
    {
        var byId = definitions.ToDictionary(d => d.RuleId, StringComparer.Ordinal);
        foreach (var unknown in configured.Keys.Where(k => !byId.ContainsKey(k)))
        {
            errors.Add($"{unknown}: not a rule (known: {string.Join(", ", byId.Keys)})");
        }

        var rules = new Dictionary<string, ActiveRule>(StringComparer.Ordinal);
        foreach (var definition in byId.Values)
        {
            var options = configured.GetValueOrDefault(definition.RuleId);
            var settings = new RuleSettings(
                options?.Enabled ?? definition.EnabledByDefault,
                options?.Severity ?? definition.DefaultSeverity,
                (options?.Parameters ?? []).ToImmutableDictionary(StringComparer.Ordinal));
            var ruleErrors = new List<string>();
            var rule = RuleCompiler.TryCompile(definition, settings, ruleErrors);
            errors.AddRange(ruleErrors.Select(e => $"{definition.RuleId}: {e}"));
            if (rule is not null)
            {
                rules[definition.RuleId] = rule;
            }
        }

        return errors.Count == 0 ? new RuleBook(rules.ToFrozenDictionary(StringComparer.Ordinal)) : null;
    }
}
