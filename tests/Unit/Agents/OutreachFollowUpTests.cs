using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Agents;

/// <summary>What a report does to the alert and the customer's journey, built the same every time so a follow-up done again changes nothing.</summary>
public sealed class OutreachFollowUpTests
{
    private static readonly DateTimeOffset ReportedAt = DateTimeOffset.Parse("2026-03-01T10:00:00Z");

    private static OutreachPrompt Reported(OutreachResult result, string? note = null, string? agent = "li.na") =>
        Prompts.Pending("p-a1", agent, ReportedAt.AddHours(-1)) with { AlertId = "a1", CustomerId = "c1", Result = result, ReportedAt = ReportedAt, Note = note };

    [Theory]
    [InlineData(OutreachResult.Resolved, AlertActionKind.Resolve, AlertOutcome.Recovered)]
    [InlineData(OutreachResult.Declined, AlertActionKind.Resolve, AlertOutcome.Lost)]
    [InlineData(OutreachResult.Contacted, AlertActionKind.Acknowledge, null)]
    [InlineData(OutreachResult.Unreachable, AlertActionKind.Acknowledge, null)]
    public void The_result_decides_how_the_alert_moves(OutreachResult result, AlertActionKind kind, AlertOutcome? outcome)
    {
        var action = OutreachFollowUp.ActionOf(Reported(result, "refund agreed"));

        Assert.Equal((kind, outcome, "agent:li.na"), (action.Kind, action.Outcome, action.By));
        Assert.EndsWith(": refund agreed", action.Note);
    }

    [Fact]
    public void The_interaction_is_the_same_whenever_it_is_built_and_names_the_prompt_its_alert_and_the_agent()
    {
        var prompt = Reported(OutreachResult.Declined, agent: null);
        var interaction = OutreachFollowUp.InteractionOf(prompt);

        Assert.Equal(("outreach-p-a1", "c1", ReportedAt, "outreach/unassigned"), (interaction.Id, interaction.CustomerId, interaction.Timestamp, interaction.Touchpoint));
        Assert.Equal((InteractionTypes.Outreach, Outcome.Failure, Channel.CallCenter), (interaction.Type, interaction.Outcome, interaction.Channel));
        Assert.Equal("declined", interaction.Attributes!["result"]);
        Assert.Equal("a1", interaction.Attributes["alertId"]);
        Assert.Equal(interaction, OutreachFollowUp.InteractionOf(prompt) with { Attributes = interaction.Attributes });
    }
}
