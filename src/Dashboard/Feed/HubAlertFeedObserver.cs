using System.Collections.Immutable;
using CxLive.Agents;
using CxLive.Alerts;
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
        foreach (var change in changes)
        {
            if (change.Alert.SilencedBy is not null)
            {
                continue; // kept and queryable, and numbered in its partition, but nobody is meant to act on it
            }

            var to = hub.Clients.Groups(GroupsOf(change.Alert));
            await (change.Kind == AlertChangeKind.Raised ? to.alertRaised(change.Alert) : to.alertUpdated(change.Alert));
        }
    }

    public async Task OnIncidentsAsync(ImmutableArray<Incident> incidents)
    {
        foreach (var incident in incidents)
        {
            await hub.Clients.Groups([HubGroups.Wall, HubGroups.Touchpoint(incident.Touchpoint)]).incidentUpdated(incident);
        }
    }

    public Task OnPromptAsync(OutreachPrompt prompt) =>
        prompt.AgentId is { } agent ? hub.Clients.Group(HubGroups.Agent(agent)).outreachPrompt(prompt) : Task.CompletedTask;

    public Task OnStatsAsync(WallStats stats) => hub.Clients.Group(HubGroups.Wall).wallStats(stats);

    /// <summary>The wall sees everything; customer and touchpoint watchers see what concerns them.</summary>
    private static List<string> GroupsOf(Alert alert)
    {
        var groups = new List<string>(3) { HubGroups.Wall };
        if (alert.CustomerId is { } customer)
        {
            groups.Add(HubGroups.Customer(customer));
        }

        if (alert.Touchpoint is { } touchpoint)
        {
            groups.Add(HubGroups.Touchpoint(touchpoint));
        }

        return groups;
    }
}
