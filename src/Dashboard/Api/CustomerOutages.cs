using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Dashboard.Api;

/// <summary>
/// Which incident a customer's failure fell in: one at the same touchpoint that was open at the
/// time, else the first that opened within <paramref name="lookback"/> after it
/// (<c>Alerts:IncidentLookback</c>: the failures before an incident opens are what opened it, and
/// the alerts raised then join it). A failure is what the touchpoint counts as one
/// (<see cref="BadMoments.IsTouchpointFailure"/>). The failure's time is the integrator's event
/// time, the incident's the server's: a batch that arrives late can fall outside the lookback.
/// </summary>
public sealed class CustomerOutages(ImmutableArray<Incident> incidents, TimeSpan lookback)
{
    private readonly ILookup<string, Incident> _byTouchpoint = incidents.ToLookup(i => i.Touchpoint, StringComparer.Ordinal);

    /// <summary>The touchpoints a timeline failed at: the only ones whose incidents it can fall in.</summary>
    public static IReadOnlyCollection<string> TouchpointsFailedAt(IEnumerable<Interaction> timeline) =>
        timeline.Where(BadMoments.IsTouchpointFailure).Select(i => i.Touchpoint).ToHashSet(StringComparer.Ordinal);

    /// <summary>The incident the interaction fell in, if it was a failure in one: the one open then, else the first to open after it.</summary>
    public Incident? IncidentOf(Interaction interaction)
    {
        if (!BadMoments.IsTouchpointFailure(interaction))
        {
            return null;
        }

        var at = interaction.Timestamp;
        var here = _byTouchpoint[interaction.Touchpoint];
        return here.Where(i => i.OpenedAt <= at && (i.ResolvedAt is not { } resolved || at <= resolved)).MaxBy(i => i.OpenedAt)
            ?? here.Where(i => i.OpenedAt > at && i.OpenedAt - lookback <= at).MinBy(i => i.OpenedAt);
    }

    /// <summary>
    /// Until when an outage opening now could still take in a failure of the timeline that fell in
    /// none (its time plus the lookback); null when none could any more. A page showing the
    /// timeline reads it again until then: an incident opening changes nothing of the customer's,
    /// so nothing else would tell it.
    /// </summary>
    public DateTimeOffset? MayJoinOutageUntil(IEnumerable<Interaction> timeline, DateTimeOffset now)
    {
        var latest = timeline.Where(i => BadMoments.IsTouchpointFailure(i) && IncidentOf(i) is null).Select(i => (DateTimeOffset?)i.Timestamp).Max();
        return latest + lookback is { } until && until > now ? until : null;
    }

    /// <summary>The incidents a timeline fell in, newest first.</summary>
    public ImmutableArray<Incident> Of(IEnumerable<Interaction> timeline) =>
        [.. timeline.Select(IncidentOf).OfType<Incident>().DistinctBy(i => i.Id).OrderByDescending(i => i.OpenedAt)];
}
