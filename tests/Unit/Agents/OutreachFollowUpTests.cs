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
    [InlineData(OutreachResult.Contacted, AlertActionKind.Report, null)]
    [InlineData(OutreachResult.Unreachable, AlertActionKind.Report, null)]
    public void The_result_decides_how_the_alert_moves(OutreachResult result, AlertActionKind kind, AlertOutcome? outcome)
    {
        var action = OutreachFollowUp.ActionOf(Reported(result, "refund agreed"));

        Assert.Equal((kind, outcome, "agent:li.na"), (action.Kind, action.Outcome, action.By));
        Assert.EndsWith(": refund agreed", action.Note);
    }

    [Fact]
    public void A_report_on_an_alert_a_supervisor_acknowledged_keeps_the_agents_words_once()
    {
        var now = ReportedAt;
        var alert = TestAlerts.Detractor(AlertState.Open, now.AddHours(-1));
        var acknowledged = AlertLifecycle.Act(alert, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "supervisor:li" }, now.AddMinutes(-30)).Alert!;

        var report = OutreachFollowUp.ActionOf(Reported(OutreachResult.Contacted, "she accepted a voucher"));
        var kept = AlertLifecycle.Act(acknowledged, report, now);

        Assert.True(kept.Succeeded);
        Assert.Equal((AlertState.Acknowledged, "agent:li.na"), (kept.Alert!.State, kept.Alert.History[^1].By));
        Assert.EndsWith(": she accepted a voucher", kept.Alert.History[^1].Note);
        Assert.Same(kept.Alert, AlertLifecycle.Act(kept.Alert, report, now.AddSeconds(10)).Alert); // a follow-up done again: kept once

        // On an alert nobody acknowledged, the report acknowledges it, words and all; a person's second acknowledge is still refused.
        var first = AlertLifecycle.Act(alert, report, now).Alert!;
        Assert.Equal((AlertState.Acknowledged, now), (first.State, first.AcknowledgedAt));
        Assert.EndsWith(": she accepted a voucher", first.History[^1].Note);
        Assert.Same(first, AlertLifecycle.Act(first, report, now.AddSeconds(10)).Alert);
        Assert.False(AlertLifecycle.Act(first, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "supervisor:li" }, now).Succeeded);

        // Snoozed by a supervisor before the desk's follow-up is done again: the retry neither wakes it nor repeats the words.
        var snoozed = AlertLifecycle.Act(first, new AlertAction { Kind = AlertActionKind.Snooze, By = "supervisor:li", Until = now.AddHours(1) }, now.AddSeconds(5)).Alert!;
        Assert.Same(snoozed, AlertLifecycle.Act(snoozed, report, now.AddSeconds(10)).Alert);
    }

    [Fact]
    public void A_contacted_report_says_on_the_alert_who_reached_the_customer_and_when_an_unreachable_one_does_not()
    {
        var alert = TestAlerts.Detractor(AlertState.Open, ReportedAt.AddHours(-1));
        var reached = AlertLifecycle.Act(alert, OutreachFollowUp.ActionOf(Reported(OutreachResult.Contacted)), ReportedAt).Alert!;
        Assert.Equal((ReportedAt, "li.na"), (reached.ReachedAt, reached.ReachedBy));

        // Acknowledged by a supervisor first, without a note from the agent: the card still says who follows it up.
        var acknowledged = AlertLifecycle.Act(alert, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "supervisor:li" }, ReportedAt.AddMinutes(-5)).Alert!;
        var kept = AlertLifecycle.Act(acknowledged, OutreachFollowUp.ActionOf(Reported(OutreachResult.Contacted)), ReportedAt).Alert!;
        Assert.Equal((AlertState.Acknowledged, ReportedAt, "li.na", ReportedAt), (kept.State, kept.ReachedAt, kept.ReachedBy, kept.UpdatedAt));

        var unreached = AlertLifecycle.Act(alert, OutreachFollowUp.ActionOf(Reported(OutreachResult.Unreachable)), ReportedAt).Alert!;
        Assert.Equal((null, null), (unreached.ReachedAt, unreached.ReachedBy));
        Assert.Equal((ReportedAt, "li.na"), (unreached.UnreachedAt, unreached.UnreachedBy)); // the card says so, not "Li Na" over the suggestion

        // Another try handed out, to her again or to anyone, or waiting for an agent: no longer "not reached".
        AlertAction Assign(string? agent) => new() { Kind = AlertActionKind.Assign, By = "outreach-desk", AgentId = agent, AgentName = agent };
        var again = AlertLifecycle.Act(unreached with { AssignedTo = "li.na" }, Assign("li.na"), ReportedAt.AddMinutes(5)).Alert!;
        Assert.Equal((null, null), (again.UnreachedAt, again.UnreachedBy));
        Assert.Equal("assigned to li.na", again.History[^1].Note); // another try to the same agent is a step, not "already theirs"
        var waiting = AlertLifecycle.Act(unreached, Assign(null), ReportedAt.AddMinutes(5)).Alert!;
        Assert.Equal((null, null, ReportedAt.AddMinutes(5)), (waiting.UnreachedAt, waiting.AssignedTo, waiting.AwaitingAgentSince));

        // The waiting try handed out, or lapsed (said once), or the alert closed: nothing waits any more.
        Assert.Null(AlertLifecycle.Act(waiting, Assign("li.na"), ReportedAt.AddMinutes(6)).Alert!.AwaitingAgentSince);
        Assert.Null(AlertLifecycle.Act(waiting, new AlertAction { Kind = AlertActionKind.Resolve, By = "supervisor:li" }, ReportedAt.AddMinutes(6)).Alert!.AwaitingAgentSince);
        var lapse = Assign(null) with { TryLapsed = true };
        var lapsed = AlertLifecycle.Act(waiting, lapse, ReportedAt.AddMinutes(30)).Alert!;
        Assert.Equal((null, null, "the try that waited for an agent lapsed: its moment passed before one had room"), (lapsed.AwaitingAgentSince, lapsed.AssignedTo, lapsed.History[^1].Note));
        Assert.Same(lapsed, AlertLifecycle.Act(lapsed, lapse, ReportedAt.AddMinutes(31)).Alert); // a repeat after a crash records nothing
        Assert.Same(alert, AlertLifecycle.Act(alert, lapse, ReportedAt).Alert); // nor does a lapse on an alert that said nothing waits
        // A supervisor reports the waiting try from the queue (no agent held it): it waits no more (a review: the card said so until the alert closed).
        Assert.Null(AlertLifecycle.Act(waiting, OutreachFollowUp.ActionOf(Reported(OutreachResult.Contacted, agent: null)), ReportedAt.AddMinutes(7)).Alert!.AwaitingAgentSince);
        Assert.Null(AlertLifecycle.Act(waiting, OutreachFollowUp.ActionOf(Reported(OutreachResult.Unreachable, agent: null)), ReportedAt.AddMinutes(7)).Alert!.AwaitingAgentSince);
        Assert.Null(AlertLifecycle.Act(unreached, OutreachFollowUp.ActionOf(Reported(OutreachResult.Contacted)), ReportedAt.AddMinutes(5)).Alert!.UnreachedAt);

        // Reported from the queue, where no agent holds it: nobody follows it up, and no card names "unassigned".
        var fromQueue = AlertLifecycle.Act(alert, OutreachFollowUp.ActionOf(Reported(OutreachResult.Contacted, agent: null)), ReportedAt).Alert!;
        Assert.Equal((AlertState.Acknowledged, null, null), (fromQueue.State, fromQueue.ReachedAt, fromQueue.ReachedBy));
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

    [Fact]
    public void How_a_call_that_reached_her_ended_is_a_second_moment_on_her_journey_not_the_first_one_again()
    {
        // The first report's id again would be skipped by the customer as a repeat.
        var contacted = Reported(OutreachResult.Contacted);
        var ended = contacted with { Result = OutreachResult.Resolved, ReportedAt = ReportedAt.AddHours(2), ContactedAt = ReportedAt };

        Assert.Equal("outreach-p-a1", OutreachFollowUp.InteractionOf(contacted).Id);
        Assert.Equal(("outreach-p-a1-resolved", ReportedAt.AddHours(2), Outcome.Success), (OutreachFollowUp.InteractionOf(ended).Id, OutreachFollowUp.InteractionOf(ended).Timestamp, OutreachFollowUp.InteractionOf(ended).Outcome));
        Assert.Equal((AlertActionKind.Resolve, AlertOutcome.Recovered), (OutreachFollowUp.ActionOf(ended).Kind, OutreachFollowUp.ActionOf(ended).Outcome));
    }
}
