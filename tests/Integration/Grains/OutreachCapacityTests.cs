using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>Agents' capacity across every desk, the shared queue, and prompts that go stale, on the fake clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OutreachCapacityTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A customer alert whose prompt goes out by SMS: only the SMS agent (capacity 2) takes those.</summary>
    private async Task<OutreachPrompt> RaiseAsync(string rule, Severity severity)
    {
        var customer = NewCustomer();
        var alert = (await fixture.Alerts.BookOfCustomer(customer).ApplyAsync([SmsSignal(rule, customer, severity, $"{rule} for {customer}", "e-" + customer)])).Single();
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        return (await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync("p-" + alert.Id), p => p is not null, Patience, "the prompt"))!;
    }

    private Task<OutreachPrompt?> Reread(OutreachPrompt prompt) => fixture.Alerts.GetPromptAsync(prompt.Id);

    /// <summary>A condition of the customer's raised now, whose outreach goes by SMS.</summary>
    private AlertSignal SmsSignal(string rule, string customer, Severity severity, string title, string evidence) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = rule,
        CustomerId = customer,
        Severity = severity,
        Title = title,
        Detail = "detail",
        Evidence = [evidence],
        SuggestedAction = new SuggestedAction(Channel.Sms, "Hello", "context"),
        At = fixture.Clock.GetUtcNow(),
    };

    [Fact]
    public async Task Beyond_an_agents_capacity_prompts_wait_and_go_out_most_severe_first_as_the_agent_reports()
    {
        var first = await RaiseAsync("unanswered-complaint", Severity.Warning);
        var second = await RaiseAsync("unanswered-complaint", Severity.Warning);
        var mild = await RaiseAsync("unanswered-complaint", Severity.Info);
        var urgent = await RaiseAsync("unanswered-complaint", Severity.Critical);

        Assert.Equal([ClusterFixture.SmsAgent, ClusterFixture.SmsAgent, null, null], new[] { first, second, mild, urgent }.Select(p => p.AgentId));
        Assert.Equal(2, await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync());

        // The agent reports one: the critical prompt, though younger, is handed out first (from another desk, maybe).
        await fixture.Alerts.ReportAsync(first.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => (await Reread(urgent))!.AgentId == ClusterFixture.SmsAgent, Patience, "the critical prompt handed out");
        Assert.Null((await Reread(mild))!.AgentId);
        Assert.Equal(ClusterFixture.SmsAgent, (await fixture.Alerts.GetAsync(urgent.AlertId))!.AssignedTo); // the alert moves with its prompt

        await fixture.Alerts.ReportAsync(second.Id, OutreachResult.Resolved, null);
        await Eventually.TrueAsync(async () => (await Reread(mild))!.AgentId == ClusterFixture.SmsAgent, Patience, "the mild prompt handed out next");

        await fixture.Alerts.ReportAsync(urgent.Id, OutreachResult.Contacted, null);
        await fixture.Alerts.ReportAsync(mild.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync() == 0, Patience, "every slot free again");
    }

    /// <summary>
    /// An alert of <paramref name="rule"/> whose customer the SMS agent could not reach, and who runs
    /// into trouble again while the agent is full (with two complaints, which have no moment to pass):
    /// another try waits in the queue.
    /// </summary>
    private async Task<(OutreachPrompt Unreached, OutreachPrompt Other, OutreachPrompt Third, OutreachPrompt Again)> AnotherTryQueuedAsync(string rule)
    {
        var unreached = await RaiseAsync(rule, Severity.Warning);
        var other = await RaiseAsync("unanswered-complaint", Severity.Warning);
        await fixture.Alerts.ReportAsync(unreached.Id, OutreachResult.Unreachable, "voicemail");
        var third = await RaiseAsync("unanswered-complaint", Severity.Warning); // the agent is full again
        Assert.Equal(ClusterFixture.SmsAgent, third.AgentId);

        // She runs into trouble again: another try, for which nobody has room.
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.Alerts.BookOfCustomer(unreached.CustomerId).ApplyAsync([SmsSignal("payment-failure", unreached.CustomerId, Severity.Warning, "2 failed payments", "e-pay-" + unreached.CustomerId)]);
        var again = (await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync($"p-{unreached.AlertId}.2"), p => p is not null, Patience, "another try"))!;
        Assert.Null(again.AgentId);
        return (unreached, other, third, again);
    }

    [Fact]
    public async Task Another_try_that_waits_for_an_agent_is_held_by_nobody_until_one_takes_it()
    {
        // The wall said "assigned to Sam Taylor" for a second try waiting in the queue, while Sam's
        // console had nothing for her and the wall's "nobody" filter could not find her.
        var (unreached, other, third, again) = await AnotherTryQueuedAsync("unanswered-complaint");
        var waiting = (await Eventually.ResultAsync(() => fixture.Alerts.GetAsync(unreached.AlertId), a => a!.AssignedTo is null, Patience, "the alert held by nobody"))!;
        Assert.Equal(("outreach-desk", "nobody holds it now: another try at reaching the customer waits for an agent with room"), (waiting.History[^1].By, waiting.History[^1].Note));
        Assert.Equal(waiting.History[^1].At, waiting.AwaitingAgentSince); // the card says a try waits, not "Assigned to —" over the suggestion

        // An agent has room: the try and its alert are theirs.
        await fixture.Alerts.ReportAsync(other.Id, OutreachResult.Contacted, null);
        var taken = await Eventually.ResultAsync(() => fixture.Alerts.GetAsync(unreached.AlertId), a => a!.AssignedTo == ClusterFixture.SmsAgent, Patience, "the alert assigned with the try");
        Assert.Null(taken!.AwaitingAgentSince);
        Assert.Equal(ClusterFixture.SmsAgent, (await Reread(again))!.AgentId);

        await fixture.Alerts.ReportAsync(again.Id, OutreachResult.Contacted, null);
        await fixture.Alerts.ReportAsync(third.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync() == 0, Patience, "every slot free again");
    }

    [Fact]
    public async Task Another_try_that_lapses_in_the_queue_leaves_its_alert_no_longer_saying_one_waits()
    {
        // Its card said "another try waits for an agent" for as long as the alert stayed open.
        var (unreached, other, third, again) = await AnotherTryQueuedAsync("repeated-failed-search"); // a moment of 30 min
        await Eventually.TrueAsync(async () => (await fixture.Alerts.GetAsync(unreached.AlertId))!.AwaitingAgentSince is not null, Patience, "a try said to wait");

        fixture.Clock.Advance((again.ExpiresAt - fixture.Clock.GetUtcNow())!.Value + TimeSpan.FromMinutes(2)); // the desk's minute timer notices
        var lapsed = await Eventually.ResultAsync(() => fixture.Alerts.GetAsync(unreached.AlertId), a => a!.AwaitingAgentSince is null, Patience, "the try no longer said to wait");
        Assert.Equal(("outreach-desk", "the try that waited for an agent lapsed: its moment passed before one had room"), (lapsed!.History[^1].By, lapsed.History[^1].Note));
        Assert.Equal((true, null), (lapsed.IsOpen, lapsed.AssignedTo));
        Assert.Equal(new PromptWithdrawal(WithdrawalReason.MomentPassed), (await Reread(again))!.Withdrawal);

        await fixture.Alerts.ReportAsync(other.Id, OutreachResult.Contacted, null);
        await fixture.Alerts.ReportAsync(third.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync() == 0, Patience, "every slot free again");
    }

    [Fact]
    public async Task Among_waiting_prompts_of_one_severity_the_one_whose_moment_passes_first_goes_out_first()
    {
        var first = await RaiseAsync("unanswered-complaint", Severity.Warning);
        var second = await RaiseAsync("unanswered-complaint", Severity.Warning);
        var detractor = await RaiseAsync("detractor", Severity.Warning); // worth a call for 2 days
        var search = await RaiseAsync("repeated-failed-search", Severity.Warning); // for 30 minutes: raised later, goes first
        Assert.Equal([null, null], new[] { detractor, search }.Select(p => p.AgentId));

        await fixture.Alerts.ReportAsync(first.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => (await Reread(search))!.AgentId == ClusterFixture.SmsAgent, Patience, "the failed search handed out");
        Assert.Null((await Reread(detractor))!.AgentId);

        await fixture.Alerts.ReportAsync(second.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => (await Reread(detractor))!.AgentId == ClusterFixture.SmsAgent, Patience, "the detractor handed out next");
        await fixture.Alerts.ReportAsync(search.Id, OutreachResult.Contacted, null);
        await fixture.Alerts.ReportAsync(detractor.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync() == 0, Patience, "every slot free again");
    }

    [Fact]
    public async Task A_condition_taken_on_keeps_the_prompt_worth_a_call_as_long_as_its_own_rule_would()
    {
        // A detractor folded into failed searches: the prompt went stale at the searches' 30 minutes
        // while its alert stayed open for the detractor, worth a call for 2 days.
        var search = await RaiseAsync("repeated-failed-search", Severity.Warning);
        Assert.Equal(search.CreatedAt + TimeSpan.FromMinutes(30), search.ExpiresAt);
        var detractor = SmsSignal("detractor", search.CustomerId, Severity.Warning, "Detractor: NPS 1", "e-nps-" + search.CustomerId);
        var folded = fixture.Clock.GetUtcNow();
        await fixture.Alerts.BookOfCustomer(search.CustomerId).ApplyAsync([detractor]);

        var enriched = await Eventually.ResultAsync(() => Reread(search), p => p!.Also.Contains("detractor"), Patience, "the detractor taken on");
        Assert.Equal(folded + TimeSpan.FromDays(2), enriched!.ExpiresAt);

        await fixture.Alerts.ReportAsync(search.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync() == 0, Patience, "the slot free again");
    }

    [Fact]
    public async Task A_prompt_past_its_rules_time_to_live_is_withdrawn_because_the_moment_has_passed_and_its_alert_stays()
    {
        var stale = await RaiseAsync("repeated-failed-search", Severity.Warning); // 30 minutes
        var lasting = await RaiseAsync("unanswered-complaint", Severity.Warning); // until the case is answered
        Assert.Equal(stale.CreatedAt + TimeSpan.FromMinutes(30), stale.ExpiresAt);
        Assert.Null(lasting.ExpiresAt);

        fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True((await Reread(stale))!.IsPending);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2)); // only the desk's minute timer on the fake clock can notice
        var withdrawn = await Eventually.ResultAsync(() => Reread(stale), p => !p!.IsPending, Patience, "the stale prompt withdrawn");
        Assert.Equal("the moment has passed", withdrawn!.WithdrawnBecause);
        Assert.Equal(new PromptWithdrawal(WithdrawalReason.MomentPassed), withdrawn.Withdrawal);
        Assert.True((await fixture.Alerts.GetAsync(stale.AlertId))!.IsOpen);
        Assert.True((await Reread(lasting))!.IsPending);

        await fixture.Alerts.ReportAsync(lasting.Id, OutreachResult.Contacted, null);
        await Eventually.TrueAsync(async () => await fixture.Grains.GetGrain<IAgentLoadGrain>(ClusterFixture.SmsAgent).PendingAsync() == 0, Patience, "both slots free");
    }
}
