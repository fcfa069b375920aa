using CxLive.Contracts.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>Section <c>Alerts</c>: what the book keeps, the alert budget, escalation and expiry (docs/alerts.md).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// How many partitions the cluster's alerts are spread over (default 8). The same on every silo
    /// and web front of a cluster, and for the life of its data: a customer's alerts live in the
    /// partition their id hashes to, and every alert id names its partition.
    /// </summary>
    public int Partitions { get; set; } = AlertPartitions.DefaultCount;

    /// <summary>Resolved alerts kept across the cluster, newest first (default 10,000; each partition keeps its share); open alerts are always kept.</summary>
    public int ResolvedKept { get; set; } = 10_000;

    /// <summary>Resolved alerts are forgotten this long after they were resolved, whatever their number (default: kept, up to <see cref="ResolvedKept"/>).</summary>
    public TimeSpan? ResolvedRetention { get; set; }

    /// <summary>Evidence ids kept on one alert (default 100); the first ones that made it fire are never dropped.</summary>
    public int EvidenceKept { get; set; } = 100;

    /// <summary>New alerts per customer per day (default 3); beyond it, new conditions fold into the customer's open alert.</summary>
    public int BudgetPerCustomerPerDay { get; set; } = 3;

    /// <summary>An open critical alert not acknowledged within this escalates and is announced again (default 30 min).</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An alert not resolved and not changed for this long expires (default 7 days).</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When an incident opens, open customer alerts on its touchpoint raised this recently join it (default 15 min).</summary>
    public TimeSpan IncidentLookback { get; set; } = TimeSpan.FromMinutes(15);
}
