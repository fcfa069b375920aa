using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace CxLive.Grains.Detection;

/// <summary>
/// Turns settings text into an <see cref="ActiveRule"/>, or into errors that name the parameter and
/// the reason. Missing parameters take the rule's default; unknown ones are refused, so a typo in
/// configuration or in a PUT never passes silently.
/// </summary>
public static class RuleCompiler
{
    public static ActiveRule? TryCompile(RuleDefinition definition, RuleSettings settings, List<string> errors)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var name in settings.Parameters.Keys)
        {
            if (!definition.Parameters.Any(p => p.Name == name))
            {
                var known = string.Join(", ", definition.Parameters.Select(p => p.Name));
                errors.Add($"parameters.{name}: not a parameter of {definition.RuleId} (it has: {known})");
            }
        }

        foreach (var parameter in definition.Parameters)
        {
            var text = settings.Parameters.GetValueOrDefault(parameter.Name, parameter.Default);
            var error = TryParse(parameter.Kind, text, out var value);
            if (error is null)
            {
                values[parameter.Name] = value!;
            }
            else
            {
                errors.Add($"parameters.{parameter.Name}: '{text}' {error}");
            }
        }

        return errors.Count == 0 ? new ActiveRule(definition, settings, values.ToFrozenDictionary()) : null;
    }

    /// <summary>The definition's own defaults; they always compile (a unit test holds every rule to it).</summary>
    public static ActiveRule CompileDefaults(RuleDefinition definition)
    {
        var errors = new List<string>();
        var settings = new RuleSettings(definition.EnabledByDefault, definition.DefaultSeverity, ImmutableDictionary<string, string>.Empty);
        return TryCompile(definition, settings, errors)
            ?? throw new InvalidOperationException($"Defaults of {definition.RuleId} are invalid: {string.Join("; ", errors)}");
    }

    /// <summary>The longest window or deadline a rule takes: a year. A longer one is a typo (extra zeros), and far longer ones overflow dates.</summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromDays(365);

    private static string? TryParse(ParameterKind kind, string text, out object? value)
    {
        value = null;
        switch (kind)
        {
            case ParameterKind.Count:
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    return "must be a whole number of at least 1";
                }

                value = count;
                return null;
            case ParameterKind.Duration:
                if (!TimeSpan.TryParseExact(text, ["c"], CultureInfo.InvariantCulture, out var duration) || duration <= TimeSpan.Zero)
                {
                    return "must be a positive duration written hh:mm:ss (or d.hh:mm:ss)";
                }

                if (duration > LongestDuration)
                {
                    // Ten thousand years of window was taken and then failed every interaction the rule read.
                    return $"must be at most {LongestDuration.TotalDays:0} days (365.00:00:00)";
                }

                value = duration;
                return null;
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return "must be a number";
                }

                value = number;
                return null;
        }
    }
}
