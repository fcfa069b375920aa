using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Alerts;

namespace CxLive.Dashboard.Api;

/// <summary><c>GET /api/incidents</c>, <c>GET /api/incidents/{id}</c>, <c>POST /api/incidents/{id}/resolve</c>.</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListAsync).AllowsQuery("open").Produces<Incident[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        incidents.MapGet("/{id}", async (ClusterAlerts alerts, string id) =>
            await alerts.GetIncidentAsync(id) is { } incident
                ? Results.Ok(incident)
                : Problems.NotFound($"no incident has id '{id}'")).AllowsQuery().Produces<Incident>().ProducesProblem(StatusCodes.Status404NotFound);
        incidents.MapPost("/{id}/resolve", ResolveAsync)
            .AllowsQuery()
            .Takes<IncidentResolveRequest>(isOptional: true)
            .Produces<Incident>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Every incident, or only the open ones with <c>open=true</c>.</summary>
    private static async Task<IResult> ListAsync(ClusterAlerts alerts, string? open)
    {
        var errors = new FieldErrors();
        var openOnly = errors.Flag("open", open);
        return errors.Count > 0 ? errors.QueryProblem() : Results.Ok(await alerts.IncidentsAsync(openOnly));
    }

    private static async Task<IResult> ResolveAsync(string id, Body<IncidentResolveRequest> body, HttpRequest request, ClusterAlerts alerts)
    {
        var by = Actor.Of(request.HttpContext.User, body.Value.By);
        return await alerts.ResolveIncidentAsync(id, by, body.Value.Note) is { } resolved
            ? Results.Ok(resolved)
            : await alerts.GetIncidentAsync(id) is { } closed
                ? Results.Problem(detail: $"incident '{id}' is already resolved", statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the incident's current state",
                    extensions: new Dictionary<string, object?> { ["incident"] = closed })
                : Problems.NotFound($"no incident has id '{id}'");
    }
}
