namespace CxLive.Dashboard.Security;

/// <summary><c>Security:Oidc</c>: the company identity provider (OpenID Connect) people sign in with, and the claims CxLive reads.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The token claim holding CxLive's role names.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The token claim holding an agent's id in <c>Outreach:Agents</c>.</summary>
    public string AgentIdClaim { get; set; } = "agent_id";

    public bool Configured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
