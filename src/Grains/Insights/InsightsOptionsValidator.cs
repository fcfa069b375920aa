using Microsoft.Extensions.Options;

namespace CxLive.Grains.Insights;

/// <summary>Refuses settings that would keep nothing or never forget.</summary>
public sealed class InsightsOptionsValidator : IValidateOptions<InsightsOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightsOptions options)
    {
        if (options.Retention < TimeSpan.FromDays(1) || options.Retention > TimeSpan.FromDays(3660))
        {
            return ValidateOptionsResult.Fail("Insights:Retention must be between 1 day and 10 years");
        }

        if (options.AlertsPerDay < 1)
        {
            return ValidateOptionsResult.Fail("Insights:AlertsPerDay must be at least 1");
        }

        return options.ExamplesPerGroup is < 0 or > 100
            ? ValidateOptionsResult.Fail("Insights:ExamplesPerGroup must be between 0 and 100")
            : ValidateOptionsResult.Success;
    }
}
