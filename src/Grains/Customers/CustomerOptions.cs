using CxLive.Contracts.Customers;

namespace CxLive.Grains.Customers;

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

    /// <summary>
    /// How long a customer remembers when it accepted each id (default 10 min, at most
    /// <see cref="DedupCapacity"/> ids). A stream entry delivered again within this time, after a
    /// silo died, is passed on to its touchpoint, which knows whether it counted it.
    /// </summary>
    public TimeSpan RedeliveryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a customer not seen stays findable by id prefix: <c>Privacy:CustomerRetention</c>
    /// (not a setting of its own), so the index forgets a customer when Redis forgets their state.
    /// Not settable from outside: <c>Customers:Retention</c> was taken by the settings check, then
    /// overwritten from Privacy, so it neither failed nor did anything. It is refused now, as unknown.
    /// </summary>
    public TimeSpan? Retention { get; internal set; }
}
