namespace CxLive.Dashboard.Hubs;

/// <summary>SignalR group names: a client receives only what it subscribed to.</summary>
public static class HubGroups
{
    public const string Wall = "wall";
}
