using System.Globalization;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Experience;

/// <summary>Refuses to start with an experience model whose episodes or decay have no length, or a valence off its scale.</summary>
public sealed class ExperienceOptionsValidator : IValidateOptions<ExperienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ExperienceOptions options)
    {
        var errors = new List<string>();
        if (options.EpisodeGap <= TimeSpan.Zero || options.HalfLife <= TimeSpan.Zero)
        {
            errors.Add("Experience:EpisodeGap and Experience:HalfLife must be positive");
        }

        // Clamped, a -20 meant as "twice as bad as a complaint" would count as -10 without a word.
        foreach (var (key, valence) in options.Valences.Where(v => v.Value is < -10 or > 10))
        {
            errors.Add($"Experience:Valences:{key} is {valence.ToString(CultureInfo.InvariantCulture)}: it must be from -10 (awful) to +10 (delightful)");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
