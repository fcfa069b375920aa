using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Dashboard;
using CxLive.Dashboard.Hubs;
using CxLive.Grains.Customers;
using CxLive.Grains.Feed;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Feed;

/// <summary>Passes a watched customer's new snapshot to the clients of this server that subscribed to that customer.</summary>
public sealed class HubCustomerWatcher(IHubContext<CxHub, ICxClient> hub) : ICustomerWatcher
{
    public Task OnCustomerUpdatedAsync(CustomerSnapshot snapshot) =>
        hub.Clients.Group(HubGroups.Customer(snapshot.CustomerId)).customerUpdated(snapshot);
}
