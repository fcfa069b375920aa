using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;

namespace CxLive.Dashboard.Api;

/// <summary>
/// The answer of <c>GET /api/customers/{id}</c>: the customer's live picture and their unresolved
/// alerts, each timeline moment told as a sentence and marked when it is evidence of one of them,
/// and the incidents (outages) the customer's failures fell in, open or resolved.
/// </summary>
/// <param name="MayJoinOutageUntil">
/// Set while a failure of hers that fell in no outage could still be taken into one that opens
/// (until its time plus <c>Alerts:IncidentLookback</c>): a page showing her reads her again until
/// then, as nothing of hers changes when the outage opens.
/// </param>
public sealed record CustomerView(
    string CustomerId,
    long InteractionCount,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    ImmutableDictionary<Channel, long> ByChannel,
    ImmutableDictionary<JourneyStage, long> ByStage,
    double ExperienceScore,
    ImmutableArray<TimelineItem> Timeline,
    ImmutableArray<Alert> OpenAlerts,
    ImmutableArray<Incident> Incidents,
    DateTimeOffset? MayJoinOutageUntil = null)
{
    /// <param name="now">The server's time, for <see cref="MayJoinOutageUntil"/> (with <paramref name="outages"/>).</param>
    public static CustomerView Of(CustomerSnapshot customer, ImmutableArray<Alert> openAlerts, IReadOnlyDictionary<string, string>? agentNames = null, CustomerOutages? outages = null, DateTimeOffset? now = null) => new(
        customer.CustomerId, customer.InteractionCount, customer.FirstSeen, customer.LastSeen,
        customer.ByChannel, customer.ByStage, customer.ExperienceScore, TimelineItem.Of(customer.Timeline, openAlerts, agentNames, outages), openAlerts,
        outages?.Of(customer.Timeline) ?? [],
        outages is not null && now is { } at ? outages.MayJoinOutageUntil(customer.Timeline, at) : null);
}
