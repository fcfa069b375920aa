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
    /// Valence overrides, -10 (awful) to +10 (delightful), keyed <c>type</c> or <c>type:outcome</c>
    /// (e.g. <c>"search:failure": "-4"</c>); anything not named keeps the built-in table.
    /// </summary>
    public Dictionary<string, double> Valences { get; set; } = new(StringComparer.Ordinal);
}
