using System.Security.Claims;
using CxLive.Agents;
using CxLive.Alerts;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Who may see and do what (docs/security.md). Roles: <c>supervisor</c> (the wall, every alert,
/// actions), <c>agent</c> (their own prompts and the customers those prompts concern, outcomes),
/// <c>admin</c> (rules, silences, the Orleans dashboard; and everything a supervisor may).
/// </summary>
public static class Access
{
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string Admin = "admin";

    /// <summary>An agent's id in <c>Outreach:Agents</c>, carried by the signed-in agent.</summary>
    public const string AgentIdClaim = "cxlive:agent";

    /// <summary>Policy names: the wall and every alert; any signed-in person; the administration.</summary>
    public const string SupervisorPolicy = "supervisor";
    public const string PeoplePolicy = "people";
    public const string AdminPolicy = "admin";

    public static bool SeesEverything(this ClaimsPrincipal user) => user.IsInRole(Supervisor) || user.IsInRole(Admin);

    public static string? AgentId(this ClaimsPrincipal user) => user.FindFirst(AgentIdClaim)?.Value;

    /// <summary>An agent sees their own prompts; supervisors and admins see anyone's.</summary>
    public static bool MaySeeAgent(this ClaimsPrincipal user, string? agentId) =>
        user.SeesEverything() || (agentId is not null && user.IsInRole(Agent) && user.AgentId() == agentId);

    /// <summary>An agent sees a customer only while one of their prompts (pending or reported and still kept) concerns them.</summary>
    public static async Task<bool> MaySeeCustomerAsync(this ClaimsPrincipal user, string customerId, ClusterAlerts alerts)
    {
        if (user.SeesEverything())
        {
            return true;
        }

        if (!user.IsInRole(Agent) || user.AgentId() is not { } agentId)
        {
            return false;
        }

        var prompts = await alerts.PromptsAsync(agentId, pendingOnly: false);
        return prompts.Any(p => p.CustomerId == customerId);
    }
}
