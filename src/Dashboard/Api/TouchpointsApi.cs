using CxLive.Contracts.Grains;
using CxLive.Contracts.Touchpoints;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Touchpoints;

namespace CxLive.Dashboard.Api;

/// <summary>
/// <c>GET /api/touchpoints/{id}</c>: rolling counts and failure rates (ids hold slashes, <c>web/search</c>);
/// <c>GET /api/touchpoints?top=10&amp;minEvents=5</c>: the touchpoints failing most over the last 5 minutes.
/// </summary>
public static class TouchpointsApi
{
    public static IEndpointRouteBuilder MapTouchpointsApi(this IEndpointRouteBuilder app)
    {
        var touchpoints = app.MapGroup("/api/touchpoints").WithTags("Touchpoints");
        touchpoints.MapGet("/", TopAsync).AllowsQuery("top", "minEvents").ProducesProblem(StatusCodes.Status400BadRequest).Produces<TouchpointSnapshot[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        touchpoints.MapGet("/{**id}", GetAsync).AllowsQuery().Produces<TouchpointSnapshot>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> TopAsync(IGrainFactory grains, string? top, string? minEvents)
    {
        var errors = new FieldErrors();
        var count = 10;
        if (top is not null && (!int.TryParse(top, out count) || count is < 1 or > 100))
        {
            errors.Add("top", "must be a whole number from 1 to 100");
        }

        var least = 5;
        if (minEvents is not null && (!int.TryParse(minEvents, out least) || least < 0))
        {
            errors.Add("minEvents", "must be a whole number, 0 or more");
        }

        if (errors.Count > 0)
        {
            return errors.QueryProblem();
        }

        return Results.Ok(await grains.Ref<ITouchpointDirectoryGrain>(0).TopAsync(count, least));
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, string id)
    {
        id = PathIds.Unescaped(id); // web%2Fsearch, as a generated client sends it, is web/search
        var snapshot = await grains.Ref<ITouchpointGrain>(id).GetSnapshotAsync();
        return snapshot.Total == 0
            ? Problems.NotFound($"no interactions have been recorded at touchpoint '{id}'")
            : Results.Ok(snapshot);
    }
}
