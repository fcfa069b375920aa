using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;

namespace CxLive.Grains.Insights;

/// <summary>Adds alert facts up per group and UTC day. Pure: the day grains run it, and so do the tests.</summary>
public static class PainPointTally
{
    public const string None = "(none)";

    public static string GroupOf(AlertFact fact, PainPointGroup by) => by switch
    {
        PainPointGroup.Rule => fact.RuleId,
        PainPointGroup.Touchpoint => fact.Touchpoint ?? None,
        PainPointGroup.Stage => fact.Stage is { } stage ? WireNames<JourneyStage>.Of(stage) : None,
        _ => fact.Touchpoint is { } touchpoint ? touchpoint.Split('/')[0] : None,
    };

    /// <summary>The facts raised in [<paramref name="from"/>, <paramref name="to"/>), per group and day, with each group-day's newest <paramref name="examples"/> words.</summary>
    public static ImmutableArray<GroupTally> Tally(IEnumerable<AlertFact> facts, PainPointGroup by, DateTimeOffset from, DateTimeOffset to, int examples = 5) =>
    [
        .. facts.Where(f => f.RaisedAt >= from && f.RaisedAt < to)
            .GroupBy(f => (Group: GroupOf(f, by), f.Day))
            .Select(g => Of(g.Key.Group, g.Key.Day, [.. g], examples))
            .OrderBy(t => t.Day).ThenBy(t => t.Group, StringComparer.Ordinal),
    ];

    private static GroupTally Of(string group, DateOnly day, List<AlertFact> facts, int examples)
    {
        var acknowledged = facts.Where(f => f.AcknowledgedAt is not null).ToList();
        var resolved = facts.Where(f => f.ResolvedAt is not null).ToList();
        return new GroupTally
        {
            Group = group,
            Day = day,
            Raised = facts.Count,
            // A customer's ending: a touchpoint alert resolved by hand "recovered" is counted as ended, once.
            Recovered = facts.Count(f => f is { Outcome: AlertOutcome.Recovered, CustomerId: not null }),
            Lost = facts.Count(f => f is { Outcome: AlertOutcome.Lost, CustomerId: not null }),
            Open = facts.Count(f => f.ResolvedAt is null),
            OutcomeUnknown = facts.Count(f => f is { ResolvedAt: not null, Outcome: null, CustomerId: not null }),
            Ended = facts.Count(f => f is { ResolvedAt: not null, CustomerId: null }),
            Acknowledged = acknowledged.Count,
            MinutesToAcknowledge = acknowledged.Sum(f => (f.AcknowledgedAt!.Value - f.RaisedAt).TotalMinutes),
            Resolved = resolved.Count,
            MinutesToResolve = resolved.Sum(f => (f.ResolvedAt!.Value - f.RaisedAt).TotalMinutes),
            Customers = [.. facts.Select(f => f.CustomerId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Examples = [.. facts.Where(f => f.Words is not null).OrderByDescending(f => f.RaisedAt).Select(f => f.Words!).DistinctBy(w => (w.CustomerId, w.Words)).Take(examples)],
        };
    }
}
