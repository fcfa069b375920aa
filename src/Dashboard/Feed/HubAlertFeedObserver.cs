using System.Collections.Immutable;
using CxLive.Dashboard.Hubs;
using CxLive.Feed;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// This web server's ear on the alert feed: passes every change to the SignalR clients connected
/// here. Each server has one, so each client receives each change once, with no backplane.
/// </summary>
public sealed class HubAlertFeedObserver(IHubContext<CxHub, ICxClient> hub) : IAlertFeedObserver
{
    public async Task OnAlertChangesAsync(ImmutableArray<AlertChange> changes)
    {
        var wall = hub.Clients.Group(HubGroups.Wall);
        foreach (var change in changes)
        {
            await (change.Kind == AlertChangeKind.Raised
                ? wall.alertRaised(change.Alert)
                : wall.alertUpdated(change.Alert));
        }
    }
}
