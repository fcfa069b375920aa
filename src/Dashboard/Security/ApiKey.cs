namespace CxLive.Dashboard.Security;

/// <summary>One integrator's key for the ingest API (<c>Security:ApiKeys</c>): only its SHA-256 is configured.</summary>
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
