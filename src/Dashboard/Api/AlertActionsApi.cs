using CxLive.Alerts;
using CxLive.Api.OpenApi;
using CxLive.Customers;
using CxLive.Serialization;

namespace CxLive.Api;

/// <summary>
/// <c>POST /api/alerts/{id}/ack | assign | resolve | snooze</c>: people acting on alerts, through
/// the state machine. 200 with the alert, 404 when there is none, 409 (with the current state) when
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
            alerts.MapPost(path, (string id, HttpRequest request, IGrainFactory grains, ClusterAlerts book, TimeProvider time, Microsoft.Extensions.Options.IOptions<Agents.OutreachOptions> outreach) => ActAsync(id, request, grains, book, time, outreach, kind))
                .Documents<AlertActionRequest>(isOptional: true, "application/json")
                .Produces<Alert>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        return app;
    }

    private static async Task<IResult> ActAsync(string id, HttpRequest request, IGrainFactory grains, ClusterAlerts book, TimeProvider time, Microsoft.Extensions.Options.IOptions<Agents.OutreachOptions> outreach, AlertActionKind kind)
    {
        var (body, problem) = await JsonBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var action = new AlertAction
        {
            Kind = kind,
            By = Actor.Of(request.HttpContext.User, body.Text("by", maxLength: 128)),
            Note = body.Text("note", maxLength: 1000),
            AgentId = kind == AlertActionKind.Assign ? body.Text("agentId", required: true, maxLength: 128) : null,
            Until = kind == AlertActionKind.Snooze ? body.Time("until", required: true) : null,
            Outcome = kind == AlertActionKind.Resolve ? body.Enum<AlertOutcome>("outcome") : null,
        };
        if (action.AgentId is { } agentId && outreach.Value.Agents.All(a => a.Id != agentId))
        {
            body.Errors.Add($"agentId: no agent is called '{agentId}'; the agents are {string.Join(", ", outreach.Value.Agents.Select(a => a.Id))}");
        }

        if (action.Until is { } until && until <= time.GetUtcNow())
        {
            body.Errors.Add("until: must be in the future");
        }

        if (body.Errors.Count > 0)
        {
            return body.Invalid();
        }

        if (kind == AlertActionKind.Resolve && action.Outcome is null && await book.GetAsync(id) is { CustomerId: { } customer } alert)
        {
            action = action with { Outcome = await grains.GetGrain<ICustomerGrain>(customer).OutcomeSinceAsync(alert.RaisedAt, alert.Evidence) };
        }

        var result = await book.ActAsync(id, action);
        if (kind == AlertActionKind.Assign && result is { Succeeded: true, Alert: { } assigned } && book.PartitionOf(id) is { } partition)
        {
            await book.Desk(partition).ReassignAsync(assigned.Id, action.AgentId!); // the prompt follows its alert
        }

        return Answer(result, id);
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
