using System.ComponentModel;
using CxLive.Contracts.Agents;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Agents;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>Body of <c>POST /api/outreach/{id}/outcome</c>.</summary>
public sealed record OutreachOutcomeRequest(
    [property: Description("Required: contacted, resolved, declined or unreachable.")] OutreachResult? Outcome,
    [property: Description("At most 1000 characters.")] string? Note,
    [property: Description("Optional: the agent reporting. When the prompt is no longer theirs (a supervisor moved it to another agent) the report is refused with 409, rather than credited to the agent who has it now.")] string? AgentId = null)
    : IValidatedBody<OutreachOutcomeRequest>
{
    public static void Validate(OutreachOutcomeRequest body, FieldErrors errors, HttpContext http)
    {
        errors.Required("outcome", body.Outcome);
        errors.Text("note", body.Note, maxLength: 1000);
        errors.KnownAgent("agentId", body.AgentId, http.RequestServices.GetRequiredService<IOptions<OutreachOptions>>().Value.Agents);
    }
}
