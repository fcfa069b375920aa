using System.Globalization;
using System.Text;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// Alerts live in a fixed number of partitions (<c>Alerts:Partitions</c>, the same on every silo
/// and web front of a cluster). A customer's alerts all live in their customer's partition, so the
/// per-customer policies (dedup, budget, folding, outcomes) stay in one place; a touchpoint's
/// alerts and incidents in their touchpoint's. Ids carry their partition ("3-9f2c…", "p-3-…",
/// "inc-3-…"), so any id finds its home without a lookup.
/// </summary>
public static class AlertPartitions
{
    public const int DefaultCount = 8;

    /// <summary>The partition of a customer id or a touchpoint name: a stable hash (FNV-1a), the same in every process and version.</summary>
    public static int Of(string subject, int count)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(subject))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)count);
    }

    public static string Id(int partition, string local) => partition.ToString(CultureInfo.InvariantCulture) + "-" + local;

    /// <summary>The partition an alert, prompt ("p-…") or incident ("inc-…") id belongs to; null when it names none.</summary>
    public static int? OfId(string id)
    {
        var span = id.AsSpan();
        if (span.StartsWith("p-", StringComparison.Ordinal))
        {
            span = span[2..];
        }
        else if (span.StartsWith("inc-", StringComparison.Ordinal))
        {
            span = span[4..];
        }

        var dash = span.IndexOf('-');
        return dash is > 0 and <= 4 && int.TryParse(span[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var partition) ? partition : null;
    }
}
