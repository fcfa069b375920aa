using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Privacy;

/// <summary>Refuses a pseudonym key too short to be a secret, and a retention that keeps nothing.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var errors = new List<string>();
        if (options.PseudonymKey is { Length: < 32 })
        {
            errors.Add("Privacy:PseudonymKey must be at least 32 characters (a random secret; losing it changes every pseudonym)");
        }

        if (options.CustomerRetention <= TimeSpan.Zero)
        {
            errors.Add("Privacy:CustomerRetention must be positive");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
