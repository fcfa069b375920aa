using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Insights;

namespace CxLive.Dashboard.Api;

/// <summary>
/// Adds the days' group tallies up into a pain-points report: per group and per UTC day of raising,
/// the alerts raised, the distinct customers affected, how many closed recovered or lost, how many are
/// still open or closed with an outage (outcome unknown), a touchpoint's own alerts that ended, and the
/// mean minutes to acknowledge and to resolve. A pure function of the tallies it is given.
/// </summary>
public static class PainPoints
{
    public const string None = PainPointTally.None;

    public static PainPointsReport Report(IEnumerable<GroupTally> tallies, DateTimeOffset from, DateTimeOffset to, PainPointGroup by, int omitted = 0, int examples = 5)
    {
        var groups = tallies
            .GroupBy(t => t.Group, StringComparer.Ordinal)
            .Select(g =>
            {
                var days = g.OrderBy(t => t.Day).ToList();
                var total = Figures(days, days.SelectMany(d => d.Customers).Distinct(StringComparer.Ordinal).Count());
                return new PainPointGroupReport(
                    g.Key,
                    total,
                    [.. days.Select(d => new PainPointDay(d.Day, Figures([d], d.Customers.Length)) { Examples = d.Examples })],
                    [.. days.SelectMany(d => d.Examples).OrderByDescending(w => w.At).DistinctBy(w => (w.CustomerId, w.Words)).Take(examples)]);
            })
            .OrderByDescending(g => g.Total.Raised)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToImmutableArray();
        return new PainPointsReport(from, to, by, groups, omitted);
    }

    /// <summary>The report of alert facts directly (tests, back-tests): tallied per day, then added up.</summary>
    public static PainPointsReport Report(IEnumerable<AlertFact> facts, DateTimeOffset from, DateTimeOffset to, PainPointGroup by) =>
        Report(PainPointTally.Tally(facts, by, from, to), from, to, by);

    private static PainPointFigures Figures(List<GroupTally> days, int customers)
    {
        var acknowledged = days.Sum(d => d.Acknowledged);
        var resolved = days.Sum(d => d.Resolved);
        return new PainPointFigures(
            days.Sum(d => d.Raised),
            customers,
            days.Sum(d => d.Recovered),
            days.Sum(d => d.Lost),
            days.Sum(d => d.Open),
            days.Sum(d => d.OutcomeUnknown),
            days.Sum(d => d.Ended),
            acknowledged == 0 ? null : Math.Round(days.Sum(d => d.MinutesToAcknowledge) / acknowledged, 1),
            resolved == 0 ? null : Math.Round(days.Sum(d => d.MinutesToResolve) / resolved, 1));
    }

    /// <summary>One line per group and day (then the examples apart): what a spreadsheet wants.</summary>
    public static string Csv(PainPointsReport report)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"{WireNames<PainPointGroup>.Of(report.GroupBy)},day,raised,customers,recovered,lost,open,outcomeUnknown,meanMinutesToAcknowledge,meanMinutesToResolve,examples,ended\r\n");
        foreach (var group in report.Groups)
        {
            foreach (var line in group.Days)
            {
                var (day, f) = line;
                var examples = string.Join(" | ", line.Examples.Select(e => $"{e.CustomerId}: {e.Words}"));
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Field(group.Group)},{day:yyyy-MM-dd},{f.Raised},{f.Customers},{f.Recovered},{f.Lost},{f.Open},{f.OutcomeUnknown},{f.MeanMinutesToAcknowledge},{f.MeanMinutesToResolve},{Field(examples)},{f.Ended}\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
