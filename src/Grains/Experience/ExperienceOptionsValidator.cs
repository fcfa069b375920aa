using Microsoft.Extensions.Options;

namespace CxLive.Grains.Experience;

/// <summary>Refuses to start with an experience model whose episodes or decay have no length.</summary>
public sealed class ExperienceOptionsValidator : IValidateOptions<ExperienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ExperienceOptions options) =>
        options.EpisodeGap > TimeSpan.Zero && options.HalfLife > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Experience:EpisodeGap and Experience:HalfLife must be positive");
}
