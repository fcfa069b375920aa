using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// One partition's running figures behind the wall's stats: counts and sums that add up across
/// partitions (<see cref="Sum"/>), kept as alerts change rather than recounted.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.PartitionFigures")]
public sealed record PartitionFigures
{
    [Id(0)] public ImmutableDictionary<Severity, int> OpenBySeverity { get; init; } = ImmutableDictionary<Severity, int>.Empty;
    [Id(1)] public int OpenIncidents { get; init; }
    [Id(2)] public int RaisedLastMinute { get; init; }
    [Id(3)] public double AcknowledgeSeconds { get; init; }
    [Id(4)] public int Acknowledged { get; init; }
    [Id(5)] public double ResolveSeconds { get; init; }
    [Id(6)] public int Resolved { get; init; }
    [Id(7)] public int Recovered { get; init; }
    [Id(8)] public int Lost { get; init; }

    /// <summary>
    /// The raises of the minute before the report, per second (Unix time, and how many): the sum is
    /// taken at the moment of the push, so a partition that reported 50 s ago no longer adds what it
    /// raised then. Summing <see cref="RaisedLastMinute"/> as reported made the wall's figure jump
    /// between 3 and 12 while 5 had been raised in the last minute.
    /// </summary>
    [Id(9)] public ImmutableArray<long> RaisedSeconds { get; init; } = [];

    [Id(10)] public ImmutableArray<int> RaisedCounts { get; init; } = [];

    /// <summary>The raises of the minute before <paramref name="now"/> this report knows of.</summary>
    public int RaisedInMinuteBefore(DateTimeOffset now)
    {
        if (RaisedSeconds.IsDefaultOrEmpty)
        {
            return RaisedLastMinute; // none in the minute (0), or a report from a version that sent no seconds
        }

        var second = now.ToUnixTimeSeconds();
        var raised = 0;
        for (var i = 0; i < RaisedSeconds.Length; i++)
        {
            if (second - RaisedSeconds[i] is >= 0 and < 60)
            {
                raised += RaisedCounts[i];
            }
        }

        return raised;
    }

    public static WallStats Sum(IEnumerable<PartitionFigures> partitions, DateTimeOffset now)
    {
        var all = partitions.ToList();
        int Total(Func<PartitionFigures, int> of) => all.Sum(of);
        var acknowledged = Total(p => p.Acknowledged);
        var resolved = Total(p => p.Resolved);
        var (recovered, lost) = (Total(p => p.Recovered), Total(p => p.Lost));
        return new WallStats
        {
            OpenBySeverity = Enum.GetValues<Severity>().ToImmutableDictionary(s => s, s => Total(p => p.OpenBySeverity.GetValueOrDefault(s))),
            OpenIncidents = Total(p => p.OpenIncidents),
            RaisedLastMinute = Total(p => p.RaisedInMinuteBefore(now)),
            MeanSecondsToAcknowledge = acknowledged == 0 ? null : Math.Round(all.Sum(p => p.AcknowledgeSeconds) / acknowledged, 1),
            MeanSecondsToResolve = resolved == 0 ? null : Math.Round(all.Sum(p => p.ResolveSeconds) / resolved, 1),
            RecoveryRate = recovered + lost == 0 ? null : Math.Round((double)recovered / (recovered + lost), 3),
            Recovered = recovered,
            Lost = lost,
            At = now,
        };
    }
}
