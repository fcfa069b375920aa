using CxLive.Alerts;
using CxLive.Dashboard.Security;
using CxLive.Dashboard.Feed;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// The real-time API at <c>/hubs/cx</c>. Clients subscribe to what they want to watch; the server
/// pushes through <see cref="ICxClient"/>. Any SignalR client (JavaScript, .NET, Java, Python) works.
/// </summary>
/// <remarks>
/// Signed-in people only (everyone, in the open demo); each subscription is checked against the
/// caller's role: the wall and touchpoints are for supervisors and admins, an agent may follow only
/// their own prompts and the customers those prompts concern. A refused subscription fails the
/// client's invoke with the reason and subscribes to nothing.
/// </remarks>
[Authorize(Policy = Access.PeoplePolicy)]
public sealed class CxHub(CustomerWatches watches, ClusterAlerts alerts) : Hub<ICxClient>
{
    public const string Path = "/hubs/cx";

    /// <summary>Every alert and incident raised or changed anywhere in the cluster, and <c>wallStats</c> each second while alerts change.</summary>
    public Task SubscribeWall()
    {
        Require(Context.User!.SeesEverything(), "the wall is for supervisors");
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Wall);
    }

    public Task UnsubscribeWall() => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Wall);

    /// <summary>The outreach prompts routed to this agent (<c>outreachPrompt</c>).</summary>
    public Task SubscribeAgent(string agentId)
    {
        Require(Context.User!.MaySeeAgent(agentId), "an agent may follow only their own prompts");
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(agentId));
    }

    public Task UnsubscribeAgent(string agentId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Agent(agentId));

    /// <summary>Alerts about one customer, as they are raised and change, and <c>customerUpdated</c> after each batch of their interactions.</summary>
    public async Task SubscribeCustomer(string customerId)
    {
        Require(await Context.User!.MaySeeCustomerAsync(customerId, alerts), "an agent may follow only the customers of their prompts");
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Customer(customerId));
        await watches.WatchAsync(Context.ConnectionId, customerId);
    }

    public async Task UnsubscribeCustomer(string customerId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Customer(customerId));
        await watches.UnwatchAsync(Context.ConnectionId, customerId);
    }

    public override Task OnDisconnectedAsync(Exception? exception) => watches.ForgetAsync(Context.ConnectionId);

    /// <summary>Alerts and incidents of one touchpoint.</summary>
    public Task SubscribeTouchpoint(string touchpoint)
    {
        Require(Context.User!.SeesEverything(), "touchpoints are for supervisors");
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Touchpoint(touchpoint));
    }
    public Task UnsubscribeTouchpoint(string touchpoint) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Touchpoint(touchpoint));

    /// <summary>A HubException's message reaches the client (other exceptions' do not).</summary>
    private static void Require(bool allowed, string reason)
    {
        if (!allowed)
        {
            throw new HubException("Forbidden: " + reason);
        }
    }
}
