using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Agents;

/// <summary>
/// What an agent's report means beyond the prompt: the move of its alert, and the <c>outreach</c>
/// interaction on the customer's journey (docs/alerts.md). Pure, so a follow-up done again after a
/// crash builds exactly the same action and interaction (same id, same time: the customer skips it).
/// </summary>
public static class OutreachFollowUp
{
    /// <summary>Resolved: resolve, recovered; declined: resolve, lost; contacted or unreachable: a report that acknowledges it (it stays open).</summary>
    public static AlertAction ActionOf(OutreachPrompt prompt)
    {
        var by = "agent:" + AgentOf(prompt);
        var note = HistoryNote.Outreach(prompt.Result!.Value, prompt.Note);
        var acknowledge = new AlertAction { Kind = AlertActionKind.Acknowledge, By = by, Note = note.English, NoteTranslations = note.Translations };
        return prompt.Result switch
        {
            OutreachResult.Resolved => acknowledge with { Kind = AlertActionKind.Resolve, Outcome = AlertOutcome.Recovered },
            OutreachResult.Declined => acknowledge with { Kind = AlertActionKind.Resolve, Outcome = AlertOutcome.Lost },
            // Reported from the queue (no agent holds it): nobody follows it up, and the card must not name "unassigned".
            OutreachResult.Contacted when prompt.AgentId is { } reacher => acknowledge with { Kind = AlertActionKind.Report, Reached = true, AgentId = reacher },
            OutreachResult.Unreachable when prompt.AgentId is { } agent => acknowledge with { Kind = AlertActionKind.Report, Unreached = true, AgentId = agent },
            _ => acknowledge with { Kind = AlertActionKind.Report },
        };
    }

    /// <summary>What the agent did, as an interaction on the customer's journey (type <c>outreach</c>, written by CxLive; docs/api.md), at the time of the report.</summary>
    public static Interaction InteractionOf(OutreachPrompt prompt) => new()
    {
        // A second report (how a call that reached her ended) is a second moment on her journey.
        Id = prompt.ContactedAt is null ? "outreach-" + prompt.Id : $"outreach-{prompt.Id}-{WireNames<OutreachResult>.Of(prompt.Result!.Value)}",
        CustomerId = prompt.CustomerId,
        Timestamp = prompt.ReportedAt!.Value,
        Channel = prompt.Channel,
        Touchpoint = "outreach/" + AgentOf(prompt),
        Type = InteractionTypes.Outreach,
        Outcome = prompt.Result is OutreachResult.Contacted or OutreachResult.Resolved ? Outcome.Success : Outcome.Failure,
        Stage = JourneyStage.Service,
        Attributes = new()
        {
            [OutreachAttributes.PromptId] = prompt.Id,
            [OutreachAttributes.AlertId] = prompt.AlertId,
            [OutreachAttributes.AgentId] = AgentOf(prompt),
            [OutreachAttributes.Result] = WireNames<OutreachResult>.Of(prompt.Result!.Value),
        },
    };

    private static string AgentOf(OutreachPrompt prompt) => prompt.AgentId ?? "unassigned";
}
