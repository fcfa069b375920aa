using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// The real-time API at <c>/hubs/cx</c>. Clients subscribe to what they want to watch; the server
/// pushes through <see cref="ICxClient"/>. Any SignalR client (JavaScript, .NET, Java, Python) works.
/// </summary>
public sealed class CxHub : Hub<ICxClient>
{
    public const string Path = "/hubs/cx";

    /// <summary>Every alert raised or changed anywhere in the cluster, as it happens.</summary>
    public Task SubscribeWall() => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Wall);

    public Task UnsubscribeWall() => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Wall);
}
