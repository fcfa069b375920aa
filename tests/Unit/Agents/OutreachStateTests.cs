using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Agents;

/// <summary>The desk's count of each agent's pending prompts, which least-loaded routing reads on every offer, and of those no agent holds, which the walls show.</summary>
public sealed class OutreachStateTests
{
    private static OutreachPrompt Prompt(string id, string? agent) => Prompts.Pending(id, agent);

    [Fact]
    public void Pending_counts_follow_prompts_as_they_come_are_reported_and_are_forgotten()
    {
        var state = new OutreachState();
        state.Add(Prompt("1", "li.na"));
        state.Add(Prompt("2", "li.na"));
        state.Add(Prompt("3", "sam"));
        state.Add(Prompt("4", null));

        state.Update(state.ById["1"] with { Result = OutreachResult.Resolved, ReportedAt = DateTimeOffset.UnixEpoch });
        state.Trim(reportedKept: 0);

        Assert.Equal((1, 1, 0), (state.Pending("li.na"), state.Pending("sam"), state.Pending("nobody")));
        Assert.False(state.ById.ContainsKey("1"));
    }

    [Fact]
    public void A_follow_up_is_kept_however_many_reports_come_after_it_until_its_alert_closes()
    {
        // Trimmed away, its agent's closing report found no prompt, and the alert stayed open and theirs.
        var state = new OutreachState();
        state.Add(Prompt("1", "li.na") with { Result = OutreachResult.Contacted, ReportedAt = DateTimeOffset.UnixEpoch });
        state.Add(Prompt("2", "li.na") with { Result = OutreachResult.Declined, ReportedAt = DateTimeOffset.UnixEpoch });
        state.Trim(reportedKept: 0);
        Assert.Equal(["1"], state.ById.Keys);

        state.Update(state.ById["1"] with { AlertClosed = new PromptWithdrawal(WithdrawalReason.AlertResolved, "rule:payment-failure", AlertOutcome.Recovered) });
        state.Trim(reportedKept: 0);
        Assert.Empty(state.ById);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(WithdrawalReason.MomentPassed, true)] // reported late once its moment passed: the alert stayed open, and theirs
    [InlineData(WithdrawalReason.AlertResolved, false)]
    [InlineData(WithdrawalReason.JoinedIncident, false)]
    public void A_customer_reached_is_followed_up_while_her_alert_stays_open(WithdrawalReason? withdrawn, bool followed)
    {
        var contacted = Prompt("1", "li.na") with { Result = OutreachResult.Contacted, ReportedAt = DateTimeOffset.UnixEpoch };
        if (withdrawn is { } reason)
        {
            contacted = contacted with { WithdrawnAt = DateTimeOffset.UnixEpoch, Withdrawal = new PromptWithdrawal(reason) };
        }

        Assert.Equal(followed, contacted.IsFollowingUp);
        Assert.False((contacted with { AlertClosed = new PromptWithdrawal(WithdrawalReason.AlertResolved) }).IsFollowingUp);
        Assert.False((contacted with { Result = OutreachResult.Unreachable }).IsFollowingUp);
    }

    [Fact]
    public void Prompts_no_agent_holds_are_counted_until_one_is_handed_out_or_withdrawn_and_again_after_a_reload()
    {
        var state = new OutreachState();
        state.Add(Prompt("1", null));
        state.Add(Prompt("2", null));
        state.Add(Prompt("3", null));
        state.Add(Prompt("4", "li.na"));
        Assert.Equal(3, state.Unassigned);

        state.Update(state.ById["1"] with { AgentId = "li.na" }); // the queue handed it out
        state.Update(state.ById["2"] with { WithdrawnAt = DateTimeOffset.UnixEpoch }); // its alert was resolved
        Assert.Equal((1, 2), (state.Unassigned, state.Pending("li.na")));

        var reloaded = new OutreachState { ById = state.ById, Order = state.Order };
        Assert.Equal(1, reloaded.Unassigned);
    }

    /// <summary>An alert's tries: its prompt, then "p-….2" after the customer was unreachable; the latest is the one a fold, withdrawal or move acts on.</summary>
    [Fact]
    public void An_alerts_latest_try_is_found_even_once_its_first_was_trimmed_away()
    {
        var state = new OutreachState();
        Assert.Null(state.LatestFor("0-a"));
        state.Add(Prompts.Pending(OutreachState.PromptId("0-a", 1), "li.na") with { AlertId = "0-a" });
        Assert.Equal(("p-0-a", 1), (state.LatestFor("0-a")?.Prompt.Id, state.LatestFor("0-a")?.Attempt));

        state.Update(state.ById["p-0-a"] with { Result = OutreachResult.Unreachable, ReportedAt = DateTimeOffset.UnixEpoch });
        state.Add(Prompts.Pending(OutreachState.PromptId("0-a", 2), "sam") with { AlertId = "0-a" });
        Assert.Equal(("p-0-a.2", 2), (state.LatestFor("0-a")?.Prompt.Id, state.LatestFor("0-a")?.Attempt));
        Assert.Equal((null, "li.na"), (state.EarlierAgent("0-a", 1), state.EarlierAgent("0-a", 2))); // whom the alert named before the second try

        state.Trim(reportedKept: 0); // the reported first try is forgotten
        Assert.False(state.ById.ContainsKey("p-0-a"));
        Assert.Equal(("p-0-a.2", 2), (state.LatestFor("0-a")?.Prompt.Id, state.LatestFor("0-a")?.Attempt));
        Assert.Null(state.EarlierAgent("0-a", 2));
        Assert.Equal(0, AlertPartitions.OfId(OutreachState.PromptId("0-a", 2))); // a later try names its partition as the first did
    }

    [Fact]
    public void A_reloaded_desk_counts_its_pending_prompts_again()
    {
        var saved = new OutreachState();
        saved.Add(Prompt("1", "li.na"));
        saved.Add(Prompt("2", "li.na") with { Result = OutreachResult.Resolved });

        var reloaded = new OutreachState { ById = saved.ById, Order = saved.Order };
        reloaded.Add(Prompt("3", "li.na"));

        Assert.Equal(2, reloaded.Pending("li.na"));
    }

    [Fact]
    public void A_withdrawn_prompt_is_no_longer_pending_and_is_forgotten_like_a_reported_one()
    {
        var state = new OutreachState();
        state.Add(Prompt("1", "li.na"));
        state.Add(Prompt("2", "li.na"));

        state.Update(state.ById["1"] with { WithdrawnAt = DateTimeOffset.UnixEpoch, WithdrawnBecause = "alert resolved by supervisor" });
        Assert.False(state.ById["1"].IsPending);
        Assert.Equal(1, state.Pending("li.na"));

        state.Trim(reportedKept: 0);
        Assert.Equal(["2"], state.NewestFirst().Select(p => p.Id));
    }

    [Fact]
    public void A_report_still_to_be_followed_up_outlives_the_trim_of_its_prompt_until_it_is_done()
    {
        var state = new OutreachState();
        state.Add(Prompt("1", "li.na"));
        var reported = state.ById["1"] with { Result = OutreachResult.Declined, ReportedAt = DateTimeOffset.UnixEpoch };
        state.Update(reported);
        state.FollowUp(reported);
        state.Trim(reportedKept: 0);

        Assert.False(state.ById.ContainsKey("1"));
        Assert.Equal(reported, state.FollowUps["1"]);
        Assert.Contains(DeskRecords.FollowUpRecord("1"), state.Dirty);

        state.Dirty.Clear();
        state.FollowedUp("1");
        Assert.Empty(state.FollowUps);
        Assert.Contains(DeskRecords.FollowUpRecord("1"), state.Dirty); // written as removed
    }

    [Fact]
    public void A_customers_pending_prompt_is_found_until_it_is_reported_and_again_after_a_reload()
    {
        var state = new OutreachState();
        state.Add(Prompt("1", "li.na"));
        state.Add(Prompt("2", null) with { CustomerId = "c-1" }); // a second condition's prompt, waiting
        Assert.Equal("1", state.PendingFor("c-1")?.Id);

        state.Update(state.ById["1"] with { Result = OutreachResult.Contacted, ReportedAt = DateTimeOffset.UnixEpoch });
        Assert.Equal("2", state.PendingFor("c-1")?.Id);

        state.Update(state.ById["2"] with { WithdrawnAt = DateTimeOffset.UnixEpoch, WithdrawnBecause = "alert resolved" });
        Assert.Null(state.PendingFor("c-1"));

        var reloaded = new OutreachState { ById = new(state.ById), Order = [.. state.Order] };
        reloaded.Add(Prompt("3", "sam") with { CustomerId = "c-1" });
        Assert.Equal("3", reloaded.PendingFor("c-1")?.Id);
        Assert.Null(reloaded.PendingFor("c-nobody"));
    }
}
