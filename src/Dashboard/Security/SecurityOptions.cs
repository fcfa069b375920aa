namespace CxLive.Dashboard.Security;

/// <summary>
/// The <c>Security</c> section (docs/security.md): integrators' API keys, people's accounts and
/// identity provider, and whether an unconfigured install may run open. Only the SHA-256 of each
/// key and a PBKDF2 hash of each password are configured, never the secrets themselves.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// May CxLive run without sign-in and API keys when none are configured? Null (the default) means
    /// yes in the Development environment (what <c>dotnet run</c> and the demo use) and no anywhere else,
    /// where an install with neither users nor an identity provider refuses to start.
    /// </summary>
    public bool? Open { get; set; }

    /// <summary>People who sign in with a password at <c>/login</c> (small installs).</summary>
    public List<UserAccount> Users { get; set; } = [];

    /// <summary>A company identity provider (OpenID Connect), for installs that have one.</summary>
    public OidcOptions Oidc { get; set; } = new();

    public List<ApiKey> ApiKeys { get; set; } = [];

    /// <summary>Requests per second each key may make to the ingest API, and the burst above it (token bucket).</summary>
    public int RequestsPerSecond { get; set; } = 200;

    public int Burst { get; set; } = 400;

    public IEnumerable<ApiKey> Active => ApiKeys.Where(k => !k.Revoked && k.Sha256.Length > 0);

    /// <summary>Whether the install may run open, once the environment is known.</summary>
    public bool IsOpen(IHostEnvironment environment) => Open ?? environment.IsDevelopment();

    /// <summary>People need not sign in: the install is open and has no way to sign anyone in.</summary>
    public bool PeopleOpen(IHostEnvironment environment) => IsOpen(environment) && Users.Count == 0 && !Oidc.Configured;
}

public sealed class UserAccount
{
    public string Name { get; set; } = "";

    /// <summary>PBKDF2-SHA256 (<c>dotnet CxLive.Silo.dll hash-password</c> prints one).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>supervisor</c>, <c>agent</c>, <c>admin</c>: one or more.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>For an agent: their id in <c>Outreach:Agents</c>, whose prompts they take.</summary>
    public string? AgentId { get; set; }
}

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

public sealed class ApiKey
{
    /// <summary>The integrator, recorded on every interaction it sends (<c>source</c>) and used as its rate-limit partition.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the key (<c>dotnet CxLive.Silo.dll new-api-key NAME</c> prints one).</summary>
    public string Sha256 { get; set; } = "";

    public bool Revoked { get; set; }

    /// <summary>This integrator's own limit, when it differs from the default.</summary>
    public int? RequestsPerSecond { get; set; }
}
