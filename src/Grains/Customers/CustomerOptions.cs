namespace CxLive.Customers;

/// <summary>Section <c>Customers</c>: how much of each customer's journey stays live in memory.</summary>
public sealed class CustomerOptions
{
    public const string Section = "Customers";

    /// <summary>Interactions kept in the cross-channel timeline, newest kept (default 50).</summary>
    public int TimelineCapacity { get; set; } = 50;

    /// <summary>
    /// Recent interaction ids remembered per customer for idempotency (default 512): a re-sent id is
    /// recognised as long as fewer than this many newer interactions of that customer came since.
    /// </summary>
    public int DedupCapacity { get; set; } = 512;
}
