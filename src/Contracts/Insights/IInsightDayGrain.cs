using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CxLive.Contracts.Insights;

/// <summary>
/// The alerts raised on one UTC day (key: <c>yyyy-MM-dd</c>), as <see cref="AlertFact"/>s, kept for
/// <c>Insights:Retention</c> (90 days by default) independently of the alert partitions: the
/// partitions forward every change of an alert to the day it was raised on.
/// </summary>
[Alias("CxLive.Insights.IInsightDayGrain")]
public interface IInsightDayGrain : IGrainWithStringKey
{
    public static string KeyOf(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds or updates alerts raised on this day (by alert id: the same change twice is harmless).
    /// Interleaves: a partition calls it, and the day may be waiting on a customer grain (for words)
    /// that is itself waiting on that partition.
    /// </summary>
    [AlwaysInterleave]
    Task RecordAsync(ImmutableArray<AlertFact> facts);

    /// <summary>This day's alerts raised in [<paramref name="from"/>, <paramref name="to"/>), added up per group, and how many the day could only count.</summary>
    Task<DayTally> TallyAsync(PainPointGroup by, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Forgets the day (it fell out of the retention).</summary>
    Task ForgetAsync();
}
