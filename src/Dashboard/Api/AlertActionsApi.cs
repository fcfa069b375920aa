using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Alerts;

namespace CxLive.Dashboard.Api;

/// <summary>
/// <c>POST /api/alerts/{id}/ack | assign | resolve | snooze</c>: people acting on alerts, through
/// the state machine (a resolve without an outcome is decided by the alert's partition from the
/// customer's timeline). 200 with the alert, 404 when there is none, 409 (with the current state) when
/// the move is not allowed from where the alert is, 400 naming every bad field.
/// </summary>
public static class AlertActionsApi
{

    public static IEndpointRouteBuilder MapAlertActionsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts/{id}").WithTags("Alerts");
        foreach (var (path, kind) in new[]
        {
            ("/ack", AlertActionKind.Acknowledge),
            ("/assign", AlertActionKind.Assign),
            ("/resolve", AlertActionKind.Resolve),
            ("/snooze", AlertActionKind.Snooze),
        })
        {
            alerts.MapPost(path, (string id, Body<AlertActionRequest> body, HttpRequest request, ClusterAlerts book) => ActAsync(id, body.Value, request, book, kind))
                .WithMetadata(new AlertActionEndpoint(kind))
                .AllowsQuery() // before Takes: a bad query is answered whatever the body holds
                .Takes<AlertActionRequest>(isOptional: true)
                .Produces<Alert>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        return app;
    }

    private static async Task<IResult> ActAsync(string id, AlertActionRequest body, HttpRequest request, ClusterAlerts book, AlertActionKind kind)
    {
        var action = new AlertAction
        {
            Kind = kind,
            By = Actor.Of(request.HttpContext.User, body.By),
            Note = body.Note,
            AgentId = kind == AlertActionKind.Assign ? body.AgentId : null,
            Until = kind == AlertActionKind.Snooze ? body.Until : null,
            Outcome = kind == AlertActionKind.Resolve ? body.Outcome : null,
        };
        return Answer(await book.ActAsync(id, action), id); // an assignment's prompt follows its alert (ClusterAlerts.ActAsync)
    }

    public static IResult Answer(AlertActionResult result, string id) => result switch
    {
        { NotFound: true } => Problems.NotFound($"no alert has id '{id}'"),
        { Refused: { } why, Alert: { } current } => Results.Problem(
            detail: why,
            statusCode: StatusCodes.Status409Conflict,
            title: "Not allowed in the alert's current state",
            extensions: new Dictionary<string, object?> { ["state"] = WireNames<AlertState>.Of(current.State), ["alert"] = current }),
        _ => Results.Ok(result.Alert),
    };
}
