using CxLive.Dashboard.Feed;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// The real-time API at <c>/hubs/cx</c>. Clients subscribe to what they want to watch; the server
/// pushes through <see cref="ICxClient"/>. Any SignalR client (JavaScript, .NET, Java, Python) works.
/// </summary>
public sealed class CxHub(CustomerWatches watches) : Hub<ICxClient>
{
    public const string Path = "/hubs/cx";

    /// <summary>Every alert and incident raised or changed anywhere in the cluster, and <c>wallStats</c> each second while alerts change.</summary>
    public Task SubscribeWall() => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Wall);

    public Task UnsubscribeWall() => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Wall);

    /// <summary>The outreach prompts routed to this agent (<c>outreachPrompt</c>).</summary>
    public Task SubscribeAgent(string agentId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(agentId));
    public Task UnsubscribeAgent(string agentId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Agent(agentId));

    /// <summary>Alerts about one customer, as they are raised and change, and <c>customerUpdated</c> after each batch of their interactions.</summary>
    public async Task SubscribeCustomer(string customerId)
    {
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
    public Task SubscribeTouchpoint(string touchpoint) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Touchpoint(touchpoint));
    public Task UnsubscribeTouchpoint(string touchpoint) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Touchpoint(touchpoint));
}
