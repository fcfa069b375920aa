namespace CxLive.Security;

/// <summary>
/// Integrators' API keys (<c>Security:ApiKeys</c>). Only the SHA-256 of each key is configured, never
/// the key; a key is revoked by setting <c>Revoked</c> (or deleting it) and takes effect on the next
/// request once the configuration reloads. With no active key, ingestion is open: the demo default.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Security";

    public List<ApiKey> ApiKeys { get; set; } = [];

    /// <summary>Requests per second each key may make to the ingest API, and the burst above it (token bucket).</summary>
    public int RequestsPerSecond { get; set; } = 200;

    public int Burst { get; set; } = 400;

    public IEnumerable<ApiKey> Active => ApiKeys.Where(k => !k.Revoked && k.Sha256.Length > 0);
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
