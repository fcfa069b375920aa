using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Dashboard.Api;

/// <summary>
/// Which incident a customer's failure fell in: one at the same touchpoint that was open at the
/// time, or opened within <paramref name="lookback"/> after it (<c>Alerts:IncidentLookback</c>: the
/// failures before an incident opens are what opened it, and the alerts raised then join it). A
/// failure is what the touchpoint counts as one (<see cref="BadMoments.IsTouchpointFailure"/>).
/// </summary>
public sealed class CustomerOutages(ImmutableArray<Incident> incidents, TimeSpan lookback)
{
    private readonly ILookup<string, Incident> _byTouchpoint = incidents.ToLookup(i => i.Touchpoint, StringComparer.Ordinal);

    /// <summary>The latest incident the interaction fell in, if it was a failure in one.</summary>
    public Incident? IncidentOf(Interaction interaction) =>
        BadMoments.IsTouchpointFailure(interaction)
            ? _byTouchpoint[interaction.Touchpoint]
                .Where(i => interaction.Timestamp >= i.OpenedAt - lookback && (i.ResolvedAt is not { } resolved || interaction.Timestamp <= resolved))
                .MaxBy(i => i.OpenedAt)
            : null;

    /// <summary>The incidents a timeline fell in, newest first.</summary>
    public ImmutableArray<Incident> Of(IEnumerable<Interaction> timeline) =>
        [.. timeline.Select(IncidentOf).OfType<Incident>().DistinctBy(i => i.Id).OrderByDescending(i => i.OpenedAt)];
}
