using System.Security.Claims;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Dashboard.Security;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Api;

/// <summary>
/// Agents and their prompts: <c>GET /api/agents</c>, <c>GET /api/outreach?agentId=&amp;pending=</c>,
/// <c>GET /api/outreach/{id}</c>, and <c>POST /api/outreach/{id}/outcome</c>, which closes the loop:
/// the prompt's desk records the outcome, moves the alert on and puts an <c>outreach</c> interaction
/// on the customer (so detectors and the score see it; docs/alerts.md).
/// </summary>
public static class OutreachApi
{
    public static IEndpointRouteBuilder MapOutreachApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agents", (ClusterAlerts alerts) => alerts.AgentsAsync()).AllowsQuery().Produces<Agent[]>().WithTags("Agents and outreach");
        var outreach = app.MapGroup("/api/outreach").WithTags("Agents and outreach");
        outreach.MapGet("/", ListAsync).AllowsQuery("agentId", "pending", "following", "limit", "cursor")
            .Produces<OutreachPrompt[]>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        outreach.MapGet("/{id}", async (ClusterAlerts alerts, string id, ClaimsPrincipal user) =>
            await alerts.GetPromptAsync(id) is not { } prompt ? Problems.NotFound($"no outreach prompt has id '{id}'")
            : user.MaySeeAgent(prompt.AgentId) ? Results.Ok(prompt)
            : Problems.Forbidden(NotYourPrompt)).AllowsQuery().Produces<OutreachPrompt>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        outreach.MapPost("/{id}/outcome", ReportAsync)
            .AllowsQuery()
            .Takes<OutreachOutcomeRequest>()
            .Produces<OutreachOutcomeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>
    /// Newest first, paged like <c>GET /api/alerts</c>: <c>limit</c> (default 100) and a <c>cursor</c>
    /// from the previous page's <c>Link</c> header. <c>pending=true</c>: only those waiting for a
    /// report; <c>following=true</c>: only those reported contacted whose alert is still open.
    /// </summary>
    private static async Task<IResult> ListAsync(
        HttpContext http, ClusterAlerts alerts, IOptions<OutreachOptions> outreachOptions, string? agentId, string? pending, string? following, string? limit, string? cursor, ClaimsPrincipal user)
    {
        if (!user.MayListPrompts(agentId))
        {
            return Problems.Forbidden(NotYourPrompt);
        }

        // Every bad parameter is named in one answer, not the first of them only.
        var errors = new FieldErrors();
        errors.KnownAgent("agentId", agentId, outreachOptions.Value.Agents); // an unknown agent is a mistake, not an agent with nothing to do
        var pendingOnly = errors.Flag("pending", pending);
        var followingOnly = errors.Flag("following", following);
        if (pendingOnly && followingOnly)
        {
            errors.Add("following", "cannot be true with pending=true: a prompt waiting for its report has not reached anyone yet");
        }

        var (count, before) = Paging.Read(limit, cursor, errors);
        if (errors.Count > 0)
        {
            return errors.QueryProblem();
        }

        var listed = followingOnly && agentId is not null ? await alerts.FollowingAsync(agentId) : await alerts.PromptsAsync(agentId, pendingOnly);
        var page = listed
            .Where(p => (!followingOnly || p.IsFollowingUp) && (before is null || PositionOf(p).CompareTo(before) < 0))
            .Take(count + 1).ToList(); // one more than the page, to know whether a next page holds anything
        if (page.Count > count)
        {
            page.RemoveAt(count);
            Paging.LinkNext(http, PositionOf(page[^1]));
        }

        return Results.Ok(page);
    }

    /// <summary>A prompt's place in the newest-first order: its creation time, then its id.</summary>
    private static AlertPosition PositionOf(OutreachPrompt prompt) => new(prompt.CreatedAt, prompt.Id);

    private const string NotYourPrompt = "an agent may see and report only their own outreach prompts";

    /// <summary>
    /// One call to the prompt's desk reports the outcome, moves the alert and records the
    /// <c>outreach</c> interaction (<see cref="IOutreachDeskGrain.ReportAsync"/>); the web tier
    /// reads the body, checks who may report, and turns the answer into HTTP.
    /// </summary>
    private static async Task<IResult> ReportAsync(string id, Body<OutreachOutcomeRequest> body, HttpRequest request, ClusterAlerts alerts)
    {
        if (await alerts.GetPromptAsync(id) is not { } prompt)
        {
            return Problems.NotFound($"no outreach prompt has id '{id}'");
        }

        // A report naming an agent who no longer holds it (a supervisor moved it) is a 409 for whoever
        // may report for that agent, a signed-in agent included: their console says it moved.
        var user = request.HttpContext.User;
        if (body.Value.AgentId is { } reporter && prompt.AgentId != reporter && (prompt.Result is null || prompt.IsFollowingUp) && user.MaySeeAgent(reporter)) // withdrawn after the move too: the new agent's to report late; a follow-up moved: the new agent's to close
        {
            return MovedAway(id, prompt, reporter, whole: user.MaySeeAgent(prompt.AgentId));
        }

        if (!user.MaySeeAgent(prompt.AgentId))
        {
            return Problems.Forbidden(NotYourPrompt);
        }

        var report = await alerts.ReportAsync(id, body.Value.Outcome!.Value, body.Value.Note);
        if (!report.Reported)
        {
            return AlreadySettled(id, report.Prompt ?? prompt);
        }

        // The alert may have moved on already (resolved by its rule, acknowledged by a supervisor): the report stands either way.
        return Results.Ok(new OutreachOutcomeResponse(report.Prompt!, report.Alert));
    }

    /// <summary>
    /// The 409 of a report naming an agent who does not hold the prompt: moved away from them by a
    /// supervisor, or never theirs (it said "a supervisor moved it" to an agent who never held it).
    /// The prompt as it now is, or to an agent who may not see the holder's prompts, only where it is.
    /// </summary>
    private static IResult MovedAway(string id, OutreachPrompt prompt, string reporter, bool whole) => Results.Problem(
        detail: (prompt.AgentId, prompt.ReassignedFrom == reporter) switch
        {
            ({ } holder, true) => $"prompt '{id}' is no longer {reporter}'s: a supervisor moved it to {holder}; nothing was recorded",
            ({ } holder, false) => $"prompt '{id}' is {holder}'s, not {reporter}'s; nothing was recorded",
            (null, true) => $"prompt '{id}' is no longer {reporter}'s: it waits for an agent; nothing was recorded",
            (null, false) => $"prompt '{id}' is not {reporter}'s: it waits for an agent; nothing was recorded",
        },
        statusCode: StatusCodes.Status409Conflict,
        title: prompt.ReassignedFrom == reporter ? "Prompt moved to another agent" : "Prompt held by another agent",
        extensions: new Dictionary<string, object?> { ["prompt"] = whole ? prompt : new { prompt.Id, prompt.AgentId, prompt.Partition, prompt.Sequence } });

    private static IResult AlreadySettled(string id, OutreachPrompt prompt) => Results.Problem(
        detail: prompt switch
        {
            { IsFollowingUp: true } => $"prompt '{id}' was already reported as 'contacted': only 'resolved' or 'declined' may follow, to say how it ended",
            { Result: OutreachResult.Contacted, AlertClosed: { } closed } => $"prompt '{id}' was reported as 'contacted', and nothing is left to follow up: {closed.InEnglish()}",
            { Result: { } reported } => $"prompt '{id}' was already reported as '{WireNames<OutreachResult>.Of(reported)}'",
            _ => $"prompt '{id}' was withdrawn: {prompt.WithdrawnBecause}",
        },
        statusCode: StatusCodes.Status409Conflict,
        title: prompt.Result is null ? "Prompt withdrawn" : "Outcome already reported",
        extensions: new Dictionary<string, object?> { ["prompt"] = prompt });
}
