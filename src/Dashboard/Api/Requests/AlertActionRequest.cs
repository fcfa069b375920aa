using System.ComponentModel;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>Body of <c>POST /api/alerts/{id}/ack | assign | snooze | resolve</c>; every field optional unless the action needs it.</summary>
public sealed record AlertActionRequest(
    [property: Description("Who acted (kept in the history). With sign-in, the signed-in person is recorded whatever this says; default 'supervisor'.")] string? By,
    [property: Description("Why, kept in the history (at most 1000 characters).")] string? Note,
    [property: Description("assign only, required: the agent the alert goes to.")] string? AgentId,
    [property: Description("snooze only, required: until when (ISO 8601 with an offset, in the future).")] DateTimeOffset? Until,
    [property: Description("resolve only: recovered or lost; left out, CxLive decides from the customer's timeline.")] AlertOutcome? Outcome)
    : IValidatedBody<AlertActionRequest>
{
    /// <summary>The action is the endpoint's (its <see cref="AlertActionKind"/> metadata): assign needs a known agent, snooze a time to come.</summary>
    public static void Validate(AlertActionRequest body, FieldErrors errors, HttpContext http)
    {
        var kind = http.GetEndpoint()?.Metadata.GetMetadata<AlertActionEndpoint>()?.Kind;
        errors.Text("by", body.By, maxLength: 128);
        errors.Text("note", body.Note, maxLength: 1000);
        if (kind == AlertActionKind.Assign)
        {
            errors.Text("agentId", body.AgentId, maxLength: 128, required: true);
            errors.KnownAgent("agentId", body.AgentId, http.RequestServices.GetRequiredService<IOptions<OutreachOptions>>().Value.Agents);
        }

        if (kind == AlertActionKind.Snooze)
        {
            errors.Required("until", body.Until);
            if (body.Until <= http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())
            {
                errors.Add("until", "must be in the future");
            }
        }
    }
}
