using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Dashboard;
using CxLive.Dashboard.Feed;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// What the server sends to hub clients. The method names are the documented wire names (docs/api.md),
/// camelCase on purpose: the .NET and Java SignalR clients match names case-sensitively, so the
/// interface must say exactly <c>alertRaised</c>, not <c>AlertRaised</c>.
/// </summary>
#pragma warning disable IDE1006 // naming: these are wire names
public interface ICxClient
{
    /// <summary>A new alert opened.</summary>
    Task alertRaised(Alert alert);

    /// <summary>An alert changed: more evidence, a new state, resolved.</summary>
    Task alertUpdated(Alert alert);

    /// <summary>An incident opened, absorbed another customer alert, or was resolved.</summary>
    Task incidentUpdated(Incident incident);

    /// <summary>An outreach prompt routed to the subscribed agent.</summary>
    Task outreachPrompt(OutreachPrompt prompt);

    /// <summary>A subscribed customer recorded new interactions: timeline, counts and score as they are now.</summary>
    Task customerUpdated(CustomerSnapshot snapshot);

    /// <summary>The wall's counters, at most once a second while alerts change.</summary>
    Task wallStats(WallStats stats);

    /// <summary>Each second: how far this server has sent every partition's changes; handed back on a resubscription to catch up.</summary>
    Task feedPosition(FeedPosition position);

    /// <summary>On connecting and whenever it changes: whether this server is ready (<see cref="ServiceStatus"/>).</summary>
    Task serviceStatus(ServiceStatus status);
}
#pragma warning restore IDE1006
