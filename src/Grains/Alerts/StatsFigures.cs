using System.Collections.Immutable;
using CxLive.Contracts.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>
/// The running figures behind the wall's stats, updated as alerts change (never by scanning the
/// book): open alerts by severity, time to acknowledge and to resolve, outcomes, and the raises of
/// the last minute (one counter per second, so its size never grows with the alert rate).
/// Silenced alerts are left out: nobody was meant to act on them. Stored as one small record.
/// </summary>
[GenerateSerializer, Alias("cx.StatsFigures")]
public sealed class StatsFigures
{
    private const int Seconds = 60;

    [Id(0)] public double AcknowledgeSeconds { get; set; }
    [Id(1)] public int Acknowledged { get; set; }
    [Id(2)] public double ResolveSeconds { get; set; }
    [Id(3)] public int Resolved { get; set; }
    [Id(4)] public int Recovered { get; set; }
    [Id(5)] public int Lost { get; set; }

    /// <summary>Open (not resolved) alerts by severity: info, warning, critical.</summary>
    [Id(6)] public int[] Open { get; set; } = new int[3];

    /// <summary>Raises per second of the last minute: the second (Unix time) each slot counts, and its count.</summary>
    [Id(7)] public long[] RaiseSecond { get; set; } = new long[Seconds];
    [Id(8)] public int[] RaiseCount { get; set; } = new int[Seconds];

    public void Count(Alert? before, Alert after)
    {
        if (after.SilencedBy is not null)
        {
            return;
        }

        if (before is { IsOpen: true, SilencedBy: null })
        {
            Open[(int)before.Severity]--;
        }

        if (after.IsOpen)
        {
            Open[(int)after.Severity]++;
        }

        if (before is null)
        {
            var second = after.RaisedAt.ToUnixTimeSeconds();
            var slot = (int)(second % Seconds);
            if (RaiseSecond[slot] != second)
            {
                (RaiseSecond[slot], RaiseCount[slot]) = (second, 0);
            }

            RaiseCount[slot]++;
        }

        if (before?.AcknowledgedAt is null && after.AcknowledgedAt is { } acknowledged)
        {
            AcknowledgeSeconds += (acknowledged - after.RaisedAt).TotalSeconds;
            Acknowledged++;
        }

        if (before?.IsOpen != false && !after.IsOpen)
        {
            ResolveSeconds += ((after.ResolvedAt ?? after.UpdatedAt) - after.RaisedAt).TotalSeconds;
            Resolved++;
            if (after.Outcome == AlertOutcome.Recovered)
            {
                Recovered++;
            }
            else if (after.Outcome == AlertOutcome.Lost)
            {
                Lost++;
            }
        }
    }

    public PartitionFigures At(DateTimeOffset now, int openIncidents)
    {
        var second = now.ToUnixTimeSeconds();
        var raised = 0;
        var seconds = ImmutableArray.CreateBuilder<long>();
        var counts = ImmutableArray.CreateBuilder<int>();
        for (var slot = 0; slot < Seconds; slot++)
        {
            if (second - RaiseSecond[slot] is >= 0 and < Seconds && RaiseCount[slot] > 0)
            {
                raised += RaiseCount[slot];
                seconds.Add(RaiseSecond[slot]);
                counts.Add(RaiseCount[slot]);
            }
        }

        return new PartitionFigures
        {
            OpenBySeverity = Enum.GetValues<Severity>().ToImmutableDictionary(s => s, s => Open[(int)s]),
            OpenIncidents = openIncidents,
            RaisedLastMinute = raised,
            RaisedSeconds = seconds.DrainToImmutable(),
            RaisedCounts = counts.DrainToImmutable(),
            AcknowledgeSeconds = AcknowledgeSeconds,
            Acknowledged = Acknowledged,
            ResolveSeconds = ResolveSeconds,
            Resolved = Resolved,
            Recovered = Recovered,
            Lost = Lost,
        };
    }
}
