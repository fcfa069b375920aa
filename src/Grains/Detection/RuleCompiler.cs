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
            var error = TryParse(parameter, text, out var value);
            if (error is null)
            {
                values[parameter.Name] = value!;
            }
            else
            {
                errors.Add($"parameters.{parameter.Name}: '{text}' {error}");
            }
        }

        if (errors.Count == 0 && definition.Together is { } together)
        {
            errors.AddRange(together(values));
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

    private static string? TryParse(RuleParameter parameter, string text, out object? value)
    {
        value = null;
        switch (parameter.Kind)
        {
            case ParameterKind.Count:
                var (fewest, largest) = ((int)(parameter.Least ?? 1), (int)(parameter.Most ?? RuleParameter.MostCount));
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < fewest || count > largest)
                {
                    return $"must be a whole number from {fewest} to {largest.ToString("#,0", CultureInfo.InvariantCulture)}";
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

                if (parameter.WholeMinutesUpTo is { } minutes && (duration.Ticks % TimeSpan.TicksPerMinute != 0 || duration > TimeSpan.FromMinutes(minutes)))
                {
                    // Read in one-minute buckets: 00:10:30 was taken as 10 minutes, and 02:00:00 as the longest the rule can watch.
                    return $"must be whole minutes from 00:01:00 to {TimeSpan.FromMinutes(minutes).ToString("c", CultureInfo.InvariantCulture)}";
                }

                value = duration;
                return null;
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return "must be a number";
                }

                if (number < (parameter.Least ?? double.MinValue) || number > (parameter.Most ?? double.MaxValue))
                {
                    return (parameter.Least, parameter.Most) switch
                    {
                        ({ } least, { } most) => $"must be from {Show(least)} to {Show(most)}",
                        ({ } least, null) => $"must be at least {Show(least)}",
                        _ => $"must be at most {Show(parameter.Most!.Value)}",
                    };
                }

                value = number;
                return null;
        }
    }

    private static string Show(double bound) => bound.ToString(CultureInfo.InvariantCulture);
}
