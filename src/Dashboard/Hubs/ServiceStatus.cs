namespace CxLive.Dashboard.Hubs;

/// <summary>
/// Whether this server can take and pass on what happens (<c>GET /health/ready</c>): a page shows
/// "Not receiving" instead of "Live" while it cannot, so a quiet wall is not read as a calm one.
/// <see cref="Failing"/> names the failing readiness checks (<c>redis</c>, <c>cluster</c>, ...).
/// </summary>
public sealed record ServiceStatus(bool Ready, IReadOnlyList<string> Failing)
{
    public static ServiceStatus Healthy { get; } = new(true, []);
}
