using System.Globalization;
using Microsoft.Extensions.Options;
using static CxLive.Contracts.Journeys.InteractionTypes;

namespace CxLive.Grains.Experience;

/// <summary>Refuses to start with an experience model whose episodes or decay have no length, a valence off its scale, or one the model would never read.</summary>
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

        // Keys the model never reads were taken and then changed nothing: "payment:abandoned" (failed
        // and abandoned moments both read "payment:failure"), "search:success", "survey".
        foreach (var key in options.Valences.Keys)
        {
            var (type, outcome) = key.Split(':', 2) is [var t, var o] ? (t, o) : (key, null);
            if (NearMiss(type) is { } meant)
            {
                errors.Add($"Experience:Valences:{key} is never read: interaction types are matched as written (did you mean {meant}?)");
            }
            else if (type is QueueWait or Survey)
            {
                errors.Add($"Experience:Valences:{key} cannot be set: a {type}'s valence is worked out from its {(type == Survey ? "answer" : "wait")} (docs/experience-score.md)");
            }
            else if (outcome is not (null or "failure") && key != Search + ":no-results")
            {
                errors.Add($"Experience:Valences:{key} is never read: after the type comes only :failure (failed and abandoned moments alike), or search:no-results");
            }
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
