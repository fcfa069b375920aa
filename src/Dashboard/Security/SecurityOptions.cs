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
