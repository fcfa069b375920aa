using CxLive.Dashboard.Api;

namespace CxLive.Silo.Hosting;

/// <summary>
/// A silo without its web tier (<c>Web:Enabled=false</c>) serves only <c>/health/*</c> and
/// <c>/metrics</c>. An integrator, a client or a browser pointed at it met an empty 404 and no hint
/// that a web front serves what it asked for.
/// </summary>
public static class ComputeOnlyAnswers
{
    public const string Detail = "this silo serves no API, pages or hub: it runs compute only (Web:Enabled=false). Send requests to a web front of its cluster (docs/operations.md, \"Web fronts\"); this address answers /health/* and /metrics";

    public static void MapComputeOnlyAnswers(this WebApplication app) =>
        app.MapFallback("{**path}", () => Problems.NotFound(Detail)).ExcludeFromDescription(); // not only paths without a dot: /openapi/v1.json too
}
