using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Dashboard;
using CxLive.Dashboard.Hubs;
using CxLive.Dashboard.Security;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Feed;

/// <summary>Who hears of what: each kind of change sent to the hub groups it concerns.</summary>
/// <remarks>Without <paramref name="access"/> (a relay tested on its own), nobody's customer view is taken back.</remarks>
public sealed class HubPushes(IHubContext<CxHub, ICxClient> hub, AgentCustomerAccess? access = null)
{
    /// <summary>The wall sees every alert people may act on; customer and touchpoint watchers see what concerns them. Silenced alerts reach nobody.</summary>
    public Task AlertAsync(Alert alert, bool raised)
    {
        if (alert.SilencedBy is not null)
        {
            return Task.CompletedTask; // kept and queryable, and numbered in its partition, but nobody is meant to act on it
        }

        var to = hub.Clients.Groups(GroupsOf(alert));
        return raised ? to.alertRaised(alert) : to.alertUpdated(alert);
    }

    public Task IncidentAsync(Incident incident) =>
        hub.Clients.Groups([HubGroups.Wall, HubGroups.Touchpoint(incident.Touchpoint)]).incidentUpdated(incident);

    /// <summary>
    /// A prompt reaches its agent's consoles (one nobody could take is kept for the API); one moved
    /// to another agent, the consoles of the agent who had it too, so it leaves their queue.
    /// </summary>
    public async Task PromptAsync(OutreachPrompt prompt)
    {
        if (access is not null)
        {
            // First: once their console hears the prompt leave, nothing more of her reaches them.
            await access.PromptChangedAsync(prompt);
        }

        await ((prompt.AgentId, prompt.ReassignedFrom) switch
        {
            ({ } agent, { } previous) when previous != agent => hub.Clients.Groups(HubGroups.Agent(agent), HubGroups.Agent(previous)).outreachPrompt(prompt),
            ({ } agent, _) => hub.Clients.Group(HubGroups.Agent(agent)).outreachPrompt(prompt),
            _ => Task.CompletedTask,
        });
    }

    public Task StatsAsync(WallStats stats) => hub.Clients.Group(HubGroups.Wall).wallStats(stats);

    public Task PositionAsync(FeedPosition position) => hub.Clients.All.feedPosition(position);

    public static List<string> GroupsOf(Alert alert)
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
