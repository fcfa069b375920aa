using System.Collections.Immutable;

namespace CxLive.Alerts;

/// <summary>
/// The running sums behind the wall's stats, updated as alerts change (never by scanning the
/// book): time to acknowledge and to resolve, outcomes, and the raises of the last minute.
/// Silenced alerts are left out: nobody was meant to act on them.
/// </summary>
[GenerateSerializer, Alias("cx.StatsFigures")]
public sealed class StatsFigures
{
    [Id(0)] public double AcknowledgeSeconds { get; set; }
    [Id(1)] public int Acknowledged { get; set; }
    [Id(2)] public double ResolveSeconds { get; set; }
    [Id(3)] public int Resolved { get; set; }
    [Id(4)] public int Recovered { get; set; }
    [Id(5)] public int Lost { get; set; }
    [Id(6)] public List<DateTimeOffset> RecentRaises { get; set; } = [];

    public void Count(Alert? before, Alert after)
    {
        if (after.SilencedBy is not null)
        {
            return;
        }

        if (before is null)
        {
            RecentRaises.Add(after.RaisedAt);
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

    public WallStats Stats(IEnumerable<Alert> open, int openIncidents, DateTimeOffset now)
    {
        RecentRaises.RemoveAll(at => now - at > TimeSpan.FromMinutes(1));
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
        foreach (var alert in open.Where(a => a.SilencedBy is null))
        {
            bySeverity[alert.Severity]++;
        }

        return new WallStats
        {
            OpenBySeverity = bySeverity.ToImmutableDictionary(),
            OpenIncidents = openIncidents,
            RaisedLastMinute = RecentRaises.Count,
            MeanSecondsToAcknowledge = Acknowledged == 0 ? null : Math.Round(AcknowledgeSeconds / Acknowledged, 1),
            MeanSecondsToResolve = Resolved == 0 ? null : Math.Round(ResolveSeconds / Resolved, 1),
            RecoveryRate = Recovered + Lost == 0 ? null : Math.Round((double)Recovered / (Recovered + Lost), 3),
            Recovered = Recovered,
            Lost = Lost,
            At = now,
        };
    }
}
