using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CxLive.Grains.Experience;

/// <summary>Section <c>Experience</c>: how the peak-end experience score is computed (docs/experience-score.md).</summary>
public sealed class ExperienceOptions
{
    public const string Section = "Experience";

    /// <summary>Quiet time that ends an episode (default 30 min): the next interaction starts a new one.</summary>
    public TimeSpan EpisodeGap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How fast the remembered score drifts back toward neutral (50): half the way per half-life (default 24 h).</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Valence overrides, -10 (awful) to +10 (delightful), keyed <c>type</c>, <c>type:failure</c> (failed and abandoned moments) or <c>search:no-results</c>
    /// (e.g. <c>"search:failure": "-4"</c>); anything not named keeps the built-in table.
    /// </summary>
    public Dictionary<string, double> Valences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Valences"/> as configured. Not the binder's: configuration takes the colon of
    /// <c>"search:failure"</c> for a nested key, and the binder read it as <c>search</c> = 0, silently
    /// zeroing the search's valence instead of setting its failure's.
    /// </summary>
    public static Dictionary<string, double> ReadValences(IConfigurationSection valences)
    {
        var table = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var type in valences.GetChildren())
        {
            if (type.Value is not null)
            {
                table[type.Key] = Number(type);
            }

            foreach (var outcome in type.GetChildren())
            {
                table[$"{type.Key}:{outcome.Key}"] = Number(outcome);
            }
        }

        return table;
    }

    /// <summary>Worded like the binder's refusal, so the host prints it as a configuration error.</summary>
    private static double Number(IConfigurationSection entry) =>
        double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidOperationException($"Failed to convert configuration value '{entry.Value}' at '{entry.Path}' to type 'System.Double'.");
}
