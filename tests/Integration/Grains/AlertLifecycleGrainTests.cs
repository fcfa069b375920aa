using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>The alert book and the outreach desk as grains: on the fake clock, with the real detectors feeding them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertLifecycleGrainTests(ClusterFixture fixture)
{
    /// <summary>One partition, fed signals directly; alerts the customer grains raise are found through <see cref="ClusterFixture.Alerts"/>.</summary>
    private IAlertBookGrain Book => fixture.Grains.GetGrain<IAlertBookGrain>(0);

    private static AlertSignal Critical(string customer, DateTimeOffset at) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = "unanswered-complaint",
        CustomerId = customer,
        CaseId = "case-" + customer,
        Severity = Severity.Critical,
        Title = "Complaint unanswered for 1 d",
        Detail = "detail",
        Evidence = ["c-" + customer],
        At = at,
    };

    [Fact]
    public async Task An_unacknowledged_critical_alert_escalates_on_its_own_timer_after_30_minutes()
    {
        var customer = NewCustomer();
        var raised = (await Book.ApplyAsync([Critical(customer, fixture.Clock.GetUtcNow())])).Single();
        var acknowledged = (await Book.ApplyAsync([Critical(NewCustomer(), fixture.Clock.GetUtcNow())])).Single();
        await Book.ActAsync(acknowledged.Id, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "li" });

        fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        await Book.TickAsync();
        Assert.Null((await Book.GetAsync(raised.Id))!.EscalatedAt);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1)); // the book's timer is due now: nothing else calls it
        var escalated = await Eventually.ResultAsync(() => Book.GetAsync(raised.Id), a => a?.EscalatedAt is not null, TimeSpan.FromSeconds(10), "the escalation timer");
        Assert.StartsWith("escalated: not acknowledged within", escalated!.History[^1].Note);
        Assert.Null((await Book.GetAsync(acknowledged.Id))!.EscalatedAt);
    }

    [Fact]
    public async Task A_resolve_that_does_not_say_how_it_ended_is_decided_by_the_partition_from_the_customers_timeline()
    {
        var now = fixture.Clock.GetUtcNow();
        var lost = NewCustomer();
        var recovered = NewCustomer();
        foreach (var customer in new[] { lost, recovered })
        {
            await fixture.Grains.GetGrain<ICustomerGrain>(customer).RecordAsync([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)))]);
        }

        await fixture.Grains.GetGrain<ICustomerGrain>(recovered).RecordAsync([Make(recovered, now.AddMinutes(1), InteractionTypes.PageView, "web/home")]);

        foreach (var (customer, outcome) in new[] { (lost, AlertOutcome.Lost), (recovered, AlertOutcome.Recovered) })
        {
            var alert = (await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = customer, RuleId = "repeated-failed-search" })).Single();
            var resolved = await fixture.Alerts.ActAsync(alert.Id, new AlertAction { Kind = AlertActionKind.Resolve, By = "supervisor:ada" });
            Assert.Equal(outcome, resolved.Alert!.Outcome);
        }
    }

    [Fact]
    public async Task One_customer_is_one_conversation_further_conditions_enrich_the_open_alert_and_the_agents_prompt()
    {
        var customer = NewCustomer();
        var now = fixture.Clock.GetUtcNow();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer);
        await grain.RecordAsync([.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)) with { Channel = Channel.Chat })]);
        var first = (await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = customer })).Single();
        var prompt = await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync("p-" + first.Id), p => p is not null, TimeSpan.FromSeconds(10), "the first prompt");
        Assert.Equal(Severity.Warning, prompt!.Severity);

        await grain.RecordAsync([Make(customer, now.AddSeconds(10), InteractionTypes.QueueWait, "call-center/billing", score: 900) with { Channel = Channel.CallCenter }]);
        await grain.RecordAsync([Make(customer, now.AddSeconds(20), InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" })]);

        // Three more conditions (a long wait, a detractor, the score dropping), folded as they were
        // recorded (the clock is not moved: nothing here waits for time): still one card...
        var alert = (await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = customer })).Single();
        Assert.Equal(first.Id, alert.Id);
        Assert.Contains("detractor", alert.Folded);
        Assert.Contains("long-wait", alert.Folded);
        Assert.Equal(alert.Folded.Length + 1, alert.Occurrences);

        // ...and one prompt, which learned of them, with the customer's score as it is now.
        var enriched = await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync(prompt.Id), p => p!.Also.Contains("detractor"), TimeSpan.FromSeconds(10), "the enriched prompt");
        Assert.Contains("long-wait", enriched!.Also);
        Assert.True(enriched.ExperienceScore < prompt.ExperienceScore, $"score {enriched.ExperienceScore} after {prompt.ExperienceScore}");
        var pending = (await fixture.Alerts.PromptsAsync(prompt.AgentId, pendingOnly: true)).Where(p => p.CustomerId == customer);
        Assert.Single(pending);
    }

    [Fact]
    public async Task Conditions_folded_before_the_prompt_is_made_are_in_the_new_prompt()
    {
        // Searches and a detractor score in one batch: the desk first hears of the alert with the
        // detractor already folded in, and the prompt it makes must say so.
        var customer = NewCustomer();
        var now = fixture.Clock.GetUtcNow();
        await fixture.Grains.GetGrain<ICustomerGrain>(customer).RecordAsync([
            .. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n)) with { Channel = Channel.Chat }),
            Make(customer, now.AddSeconds(10), InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" })]);
        var alert = (await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = customer })).Single();
        Assert.Contains("detractor", alert.Folded);

        var prompt = await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync("p-" + alert.Id), p => p is not null, TimeSpan.FromSeconds(10), "the prompt");
        Assert.Equal(alert.Folded.Order(StringComparer.Ordinal), prompt!.Also.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_customer_alert_becomes_a_prompt_for_an_agent_on_the_customers_preferred_channel()
    {
        var customer = NewCustomer();
        var now = fixture.Clock.GetUtcNow();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer);
        await grain.RecordAsync([
            Make(customer, now.AddMinutes(-30), InteractionTypes.Contact, "call-center/billing") with { Channel = Channel.CallCenter },
            Make(customer, now.AddMinutes(-20), InteractionTypes.Contact, "call-center/billing") with { Channel = Channel.CallCenter },
            Make(customer, now, InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey },
        ]);

        var alert = (await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = customer, RuleId = "detractor" })).Single();
        var prompt = await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync("p-" + alert.Id), p => p is not null, TimeSpan.FromSeconds(10), "the prompt");
        Assert.Equal(ClusterFixture.VoiceAgent, prompt!.AgentId);
        Assert.Equal(Channel.CallCenter, prompt.Channel);
        Assert.Equal(alert.Title, prompt.Why);
        Assert.Equal(3, prompt.Timeline.Length);
        Assert.Equal(ClusterFixture.VoiceAgent, (await Eventually.ResultAsync(() => fixture.Alerts.GetAsync(alert.Id), a => a?.AssignedTo is not null, TimeSpan.FromSeconds(10), "the assignment"))!.AssignedTo);
        Assert.Contains(await fixture.Alerts.PromptsAsync(ClusterFixture.VoiceAgent, pendingOnly: true), p => p.Id == prompt.Id);

        var reported = await fixture.Alerts.ReportAsync(prompt.Id, OutreachResult.Resolved, "called back, refunded");
        Assert.Equal(OutreachResult.Resolved, reported.Prompt!.Result);
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered), (reported.Alert!.State, reported.Alert.Outcome)); // the same call moved the alert
        Assert.Contains((await fixture.Grains.GetGrain<ICustomerGrain>(customer).GetSnapshotAsync()).Timeline, i => i.Id == "outreach-" + prompt.Id); // and told the customer
        Assert.False((await fixture.Alerts.ReportAsync(prompt.Id, OutreachResult.Declined, null)).Reported); // once
        Assert.DoesNotContain(await fixture.Alerts.PromptsAsync(ClusterFixture.VoiceAgent, pendingOnly: true), p => p.Id == prompt.Id);
    }

    [Fact]
    public async Task The_alert_suggests_outreach_on_the_channel_its_prompt_goes_by()
    {
        // The detractor rule suggests a call; this customer writes emails, so the desk routes the
        // prompt to email, and the wall card must not tell the supervisor "Call center".
        var customer = NewCustomer();
        var now = fixture.Clock.GetUtcNow();
        await fixture.Grains.GetGrain<ICustomerGrain>(customer).RecordAsync([
            Make(customer, now.AddMinutes(-30), InteractionTypes.Contact, "email/support") with { Channel = Channel.Email },
            Make(customer, now.AddMinutes(-20), InteractionTypes.Contact, "email/support") with { Channel = Channel.Email },
            Make(customer, now, InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey },
        ]);

        var alert = (await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = customer, RuleId = "detractor" })).Single();
        var prompt = await Eventually.ResultAsync(() => fixture.Alerts.GetPromptAsync("p-" + alert.Id), p => p is not null, TimeSpan.FromSeconds(10), "the prompt");
        Assert.Equal((Channel.Email, Channel.Email, ClusterFixture.MailAgent), (alert.SuggestedAction!.Channel, prompt!.Channel, prompt.AgentId));
    }
}
