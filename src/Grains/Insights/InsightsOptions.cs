using CxLive.Contracts.Insights;

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
