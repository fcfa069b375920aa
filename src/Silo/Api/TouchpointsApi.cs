using CxLive.Touchpoints;

namespace CxLive.Api;

/// <summary><c>GET /api/touchpoints/{id}</c>: rolling counts and failure rates. Ids hold slashes (<c>web/search</c>).</summary>
public static class TouchpointsApi
{
    public static IEndpointRouteBuilder MapTouchpointsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/touchpoints/{**id}", GetAsync).Produces<TouchpointSnapshot>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, string id)
    {
        var snapshot = await grains.GetGrain<ITouchpointGrain>(id).GetSnapshotAsync();
        return snapshot.Total == 0
            ? Problems.NotFound($"no interactions have been recorded at touchpoint '{id}'")
            : Results.Ok(snapshot);
    }
}
