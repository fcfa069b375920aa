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
    /// The period of a customer's deadline reminder (default 1 min): how late, at most, a deadline
    /// ("no reply within 2 h") fires that fell due while no silo held the reminder (a restart, a
    /// failover), since Orleans skips a missed first tick to the next period; also when a lost tick
    /// comes again. One minute is the shortest Orleans takes unless told otherwise; a shorter one here
    /// lowers that minimum (GrainServices), and Orleans warns at start that frequent
    /// reminders are not for production. At 10 min, a complaint's SLA breach due during a restart was
    /// raised up to 10 min late.
    /// </summary>
    public TimeSpan DeadlineRecheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a customer not seen stays findable by id prefix: <c>Privacy:CustomerRetention</c>
    /// (not a setting of its own), so the index forgets a customer when Redis forgets their state.
    /// Not settable from outside: <c>Customers:Retention</c> was taken by the settings check, then
    /// overwritten from Privacy, so it neither failed nor did anything. It is refused now, as unknown.
    /// </summary>
    public TimeSpan? Retention { get; internal set; }
}
