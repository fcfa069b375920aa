using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CxLive.Alerts;
using CxLive.Serialization;

namespace CxLive.Api;

/// <summary>What a pain-points report groups alerts by.</summary>
public enum PainPointGroup
{
    Rule,
    Touchpoint,
    Stage,
    Channel,
}

/// <summary>One group's figures over one UTC day, or over the whole window.</summary>
public sealed record PainPointFigures(
    int Raised,
    int Customers,
    int Recovered,
    int Lost,
    double? MeanMinutesToAcknowledge,
    double? MeanMinutesToResolve);

public sealed record PainPointDay(DateOnly Day, PainPointFigures Figures);

/// <summary>A customer's own words (a search query, a comment, a complaint's text) on an interaction that made an alert of the group fire.</summary>
public sealed record CustomerWords(string CustomerId, string Words, string Type, DateTimeOffset At);

public sealed record PainPointGroupReport(string Group, PainPointFigures Total, ImmutableArray<PainPointDay> Days, ImmutableArray<CustomerWords> Examples);

/// <summary>The answer of <c>GET /api/insights/pain-points</c>: groups by alerts raised, most first.</summary>
public sealed record PainPointsReport(DateTimeOffset From, DateTimeOffset To, PainPointGroup GroupBy, ImmutableArray<PainPointGroupReport> Groups);

/// <summary>
/// Adds alerts up into a pain-points report: per group and per UTC day of raising, the alerts
/// raised, the distinct customers affected, how many closed recovered or lost, and the mean
/// minutes to acknowledge and to resolve. A pure function of the alerts it is given.
/// </summary>
public static class PainPoints
{
    public const string None = "(none)";

    public static string GroupOf(Alert alert, PainPointGroup by) => by switch
    {
        PainPointGroup.Rule => alert.RuleId,
        PainPointGroup.Touchpoint => alert.Touchpoint ?? None,
        PainPointGroup.Stage => alert.Stage is { } stage ? WireNames<Journeys.JourneyStage>.Of(stage) : None,
        _ => alert.Touchpoint is { } touchpoint ? touchpoint.Split('/')[0] : None,
    };

    public static PainPointsReport Report(IEnumerable<Alert> alerts, DateTimeOffset from, DateTimeOffset to, PainPointGroup by,
        Func<string, IReadOnlyList<Alert>, ImmutableArray<CustomerWords>>? examples = null)
    {
        var groups = alerts
            .Where(a => a.RaisedAt >= from && a.RaisedAt < to)
            .GroupBy(a => GroupOf(a, by), StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.ToList();
                var days = list.GroupBy(a => DateOnly.FromDateTime(a.RaisedAt.UtcDateTime))
                    .OrderBy(d => d.Key)
                    .Select(d => new PainPointDay(d.Key, Figures(d.ToList())))
                    .ToImmutableArray();
                return new PainPointGroupReport(g.Key, Figures(list), days, examples?.Invoke(g.Key, list) ?? []);
            })
            .OrderByDescending(g => g.Total.Raised)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToImmutableArray();
        return new PainPointsReport(from, to, by, groups);
    }

    private static PainPointFigures Figures(List<Alert> alerts) => new(
        alerts.Count,
        alerts.Select(a => a.CustomerId).OfType<string>().Distinct(StringComparer.Ordinal).Count(),
        alerts.Count(a => a.Outcome == AlertOutcome.Recovered),
        alerts.Count(a => a.Outcome == AlertOutcome.Lost),
        Mean(alerts.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.RaisedAt).TotalMinutes)),
        Mean(alerts.Where(a => a.ResolvedAt is not null).Select(a => (a.ResolvedAt!.Value - a.RaisedAt).TotalMinutes)));

    private static double? Mean(IEnumerable<double> minutes)
    {
        var list = minutes.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1);
    }

    /// <summary>One line per group and day (then the examples apart): what a spreadsheet wants.</summary>
    public static string Csv(PainPointsReport report)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"{WireNames<PainPointGroup>.Of(report.GroupBy)},day,raised,customers,recovered,lost,meanMinutesToAcknowledge,meanMinutesToResolve,examples\r\n");
        foreach (var group in report.Groups)
        {
            foreach (var (day, f) in group.Days)
            {
                var examples = string.Join(" | ", group.Examples.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == day).Select(e => $"{e.CustomerId}: {e.Words}"));
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Field(group.Group)},{day:yyyy-MM-dd},{f.Raised},{f.Customers},{f.Recovered},{f.Lost},{f.MeanMinutesToAcknowledge},{f.MeanMinutesToResolve},{Field(examples)}\r\n");
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
