using System.Security.Claims;
using CxLive.Contracts.Alerts;
using CxLive.Dashboard;
using CxLive.Dashboard.Security;
using CxLive.Grains.Alerts;
using Microsoft.AspNetCore.Authorization;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Who may see and do what (docs/security.md), in one place: the roles, the policies they make up
/// (<c>WebTier.MapCxWeb</c> maps every API, page and the hub under one policy's group; none names a
/// policy itself), and the per-request rules about data (whose prompts, which customers) that
/// endpoints and the hub ask. Roles:
/// <c>supervisor</c> (the wall, every alert, actions, mutes), <c>agent</c> (their own prompts and the
/// customers those prompts concern, outcomes), <c>admin</c> (rules, back-tests, the Orleans
/// dashboard; and everything a supervisor may); integrators (an API key) only ingest.
/// </summary>
public static class Access
{
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string Admin = "admin";

    /// <summary>An agent's id in <c>Outreach:Agents</c>, carried by the signed-in agent.</summary>
    public const string AgentIdClaim = "cxlive:agent";

    /// <summary>Policy names: the wall and every alert; any signed-in person; the administration; ingestion with an API key.</summary>
    public const string SupervisorPolicy = "supervisor";
    public const string PeoplePolicy = "people";
    public const string AdminPolicy = "admin";
    public const string IntegratorPolicy = "integrator";

    /// <summary>The roles each policy takes. An integrator's key opens ingestion only, never a person's endpoints.</summary>
    public static AuthorizationBuilder AddCxPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(IntegratorPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireRole(ApiKeyAuthentication.IntegratorRole))
        .AddPolicy(PeoplePolicy, policy => policy.RequireRole(Supervisor, Agent, Admin))
        .AddPolicy(SupervisorPolicy, policy => policy.RequireRole(Supervisor, Admin))
        .AddPolicy(AdminPolicy, policy => policy.RequireRole(Admin));

    /// <summary>Whether someone with these roles lands on the wall (else the agent console).</summary>
    public static bool SeesEverything(IEnumerable<string> roles) => roles.Any(r => r is Supervisor or Admin);

    public static bool SeesEverything(this ClaimsPrincipal user) => user.IsInRole(Supervisor) || user.IsInRole(Admin);

    /// <summary>Listing prompts: an agent their own; supervisors and admins anyone's, and those no agent could take (no agent id).</summary>
    public static bool MayListPrompts(this ClaimsPrincipal user, string? agentId) =>
        user.MaySeeAgent(agentId) || (agentId is null && user.SeesEverything());

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
