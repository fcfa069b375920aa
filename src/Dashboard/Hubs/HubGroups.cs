using CxLive.Dashboard;

namespace CxLive.Dashboard.Hubs;

/// <summary>SignalR group names: a client receives only what it subscribed to.</summary>
public static class HubGroups
{
    public const string Wall = "wall";

    public static string Agent(string agentId) => "agent:" + agentId;
    public static string Customer(string customerId) => "customer:" + customerId;
    public static string Touchpoint(string touchpoint) => "touchpoint:" + touchpoint;
}
