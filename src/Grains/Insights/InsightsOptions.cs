using CxLive.Contracts.Insights;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Insights;

/// <summary>Section <c>Insights</c>: how long and how much the pain-points history keeps.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>How long a day's alerts are kept for insights (default 90 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The most alerts one day keeps (default 100,000, about 15 MB of Redis): beyond it a day counts
    /// the alerts it could not keep and the report says how many.
    /// </summary>
    public int AlertsPerDay { get; set; } = 100_000;

    /// <summary>Customers' own words a report shows per group, newest first (default 5).</summary>
    public int ExamplesPerGroup { get; set; } = 5;
}

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
