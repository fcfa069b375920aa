using System.Net;
using System.Net.Http.Json;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.EndToEnd;

/// <summary>
/// The whole loop over the public API, as a supervisor's wall and an agent's console see it:
/// interaction → alert → prompt to an agent → acknowledged → outcome → alert resolved, recovered.
/// </summary>
public sealed class OutreachLoopTests : IAsyncLifetime
{
    private const string Agent = "loop-agent";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    // Its own app: the first agent of the shipped team becomes the test's agent, so routing is known.
    private readonly CxLiveApp _app = new(new Dictionary<string, string?> { ["Outreach:Agents:0:Id"] = Agent, ["Outreach:Agents:0:Name"] = "Loop Agent" }, keepLogs: true);
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _app.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_detractor_is_routed_to_an_agent_who_reports_the_outcome_and_the_wall_sees_the_alert_through_to_recovered()
    {
        await using var wall = await WallClient.ConnectAsync(_app.BaseAddress);
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);

        var journey = new[]
        {
            Make(customer, now, InteractionTypes.Contact, "call-center/billing") with { Channel = Channel.CallCenter, Stage = JourneyStage.Service },
            Make(customer, now.AddMinutes(5), InteractionTypes.Survey, "survey/nps", score: 3, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(journey))).StatusCode);

        // The wall sees it raised; the agent gets the prompt, on the channel the customer uses.
        // (The same journey may also raise experience-drop for her: the test follows the detractor.)
        var (raisedAs, raised) = await wall.NextForAsync(customer, Patience);
        while (raised.RuleId != "detractor")
        {
            (raisedAs, raised) = await wall.NextForAsync(customer, Patience);
        }

        Assert.Equal("alertRaised", raisedAs);
        var prompt = await agent.NextPromptAsync(Patience);
        while (prompt.AlertId != raised.Id)
        {
            prompt = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal((raised.Id, customer, Channel.CallCenter), (prompt.AlertId, prompt.CustomerId, prompt.Channel));
        Assert.Equal("Detractor: NPS 3", prompt.Why);
        Assert.False(string.IsNullOrWhiteSpace(prompt.Wording));
        Assert.Equal("贬损者：NPS 3", prompt.Translations[AlertLanguages.Chinese].Title); // a Chinese-speaking agent reads it in Chinese
        Assert.Equal(journey.Select(i => i.Id).Reverse(), prompt.Timeline.Select(i => i.Id));
        Assert.Equal(Agent, (await ReadObject(await _http.GetAsync($"api/alerts/{raised.Id}")))["assignedTo"]!.ToString());

        // The agent acknowledges from the console, calls, and reports that it is settled.
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{raised.Id}/ack", Body("""{ "by": "agent:loop-agent" }"""))).StatusCode);
        var reported = await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved", "note": "refund agreed" }"""));
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "declined" }"""))).StatusCode);
        // The same report again (a retry after "not confirmed"): recorded, changing nothing.
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved", "note": "refund agreed" }"""))).StatusCode);

        // The wall saw every step, in order, ending resolved with the customer recovered.
        var steps = new List<Alert>();
        Alert latest;
        do
        {
            (_, latest) = await wall.NextForAsync(customer, Patience);
            if (latest.Id == raised.Id)
            {
                steps.Add(latest);
            }
        }
        while (latest.Id != raised.Id || latest.State != AlertState.Resolved);

        Assert.Equal([AlertState.Open, AlertState.Acknowledged, AlertState.Resolved], steps.Select(s => s.State).Distinct());
        Assert.Equal(Agent, steps[0].AssignedTo);
        Assert.Equal(AlertOutcome.Recovered, latest.Outcome);
        Assert.Equal(("agent:" + Agent, "resolved: the agent sorted it out with the customer: refund agreed"), (latest.History[^1].By, latest.History[^1].Note));

        // The outreach is part of the customer's journey now, and the stats count the recovery.
        var timeline = (await ReadObject(await _http.GetAsync($"api/customers/{customer}")))["timeline"]!.AsArray();
        var outreach = Assert.Single(timeline, i => (string)i!["type"]! == "outreach" && (string)i["attributes"]!["result"]! == "resolved")!;
        Assert.Equal("agent Loop Agent reached out: resolved", (string)outreach["sentence"]!); // named as the wall names the agent, not by id
        var stats = await ReadObject(await _http.GetAsync("api/alerts/stats"));
        Assert.Equal(1.0, (double)stats["recoveryRate"]!);
        var agents = await ReadArray(await _http.GetAsync("api/agents"));
        Assert.Equal(0, (int)agents.Single(a => (string)a!["id"]! == Agent)!["pending"]!);
    }

    /// <summary>A new customer answers a survey as a detractor; returns her and the prompt the agent's console receives for her.</summary>
    private async Task<(string Customer, OutreachPrompt Prompt)> DetractorPromptAsync(AgentClient agent)
    {
        var customer = NewCustomer();
        var survey = Make(customer, DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([survey]))).StatusCode);
        var prompt = await agent.NextPromptAsync(Patience);
        while (prompt.CustomerId != customer)
        {
            prompt = await agent.NextPromptAsync(Patience);
        }

        return (customer, prompt);
    }

    /// <summary>A new customer's card fails twice at checkout; returns her and the prompt the agent's console receives for her (payment-failure stays open after a call that reached her).</summary>
    private async Task<(string Customer, OutreachPrompt Prompt)> PaymentFailurePromptAsync(AgentClient agent)
    {
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var payments = Enumerable.Range(0, 2).Select(n => Make(customer, at.AddSeconds(n * 5), InteractionTypes.Payment, "web/checkout", Outcome.Failure));
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([.. payments]))).StatusCode);
        var prompt = await agent.NextPromptAsync(Patience);
        while (prompt.CustomerId != customer)
        {
            prompt = await agent.NextPromptAsync(Patience);
        }

        return (customer, prompt);
    }

    private async Task<string[]> FollowingAsync() =>
        [.. (await ReadArray(await _http.GetAsync($"api/outreach?agentId={Agent}&following=true"))).Select(p => (string)p!["id"]!)];

    [Fact]
    public async Task A_customer_the_agent_reached_is_theirs_to_follow_up_until_they_say_how_it_ended()
    {
        // The agent reached her (contacted): the alert stayed open, assigned to them, and only a
        // supervisor could close it. How the call ended had nowhere to go.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (customer, prompt) = await PaymentFailurePromptAsync(agent);
        Assert.Equal((RuleIds.PaymentFailure, false), (prompt.RuleId, prompt.ContactResolves)); // her card still fails after a call: how it ended is the agent's to say
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted", "note": "she will try another card" }"""))).StatusCode);
        Assert.Equal([prompt.Id], await FollowingAsync());
        Assert.Equal("acknowledged", (string)(await ReadObject(await _http.GetAsync($"api/alerts/{prompt.AlertId}")))["state"]!);

        // Only how it ended may follow a call that reached her.
        var unreachable = await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "unreachable" }"""));
        Assert.Equal(HttpStatusCode.Conflict, unreachable.StatusCode);
        Assert.Equal($"prompt '{prompt.Id}' was already reported as 'contacted': only 'resolved' or 'declined' may follow, to say how it ended", (string)(await ReadObject(unreachable))["detail"]!);

        var ended = await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved", "note": "paid by bank transfer" }"""));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var reported = (await ReadObject(ended))["prompt"]!;
        Assert.Equal(("resolved", "paid by bank transfer", true), ((string?)reported["result"], (string?)reported["note"], reported["contactedAt"] is not null));

        // The alert closes as the agent said, with their words; the prompt leaves their follow-ups.
        var alert = (await (await _http.GetAsync($"api/alerts/{prompt.AlertId}")).Content.ReadFromJsonAsync<Alert>(CxJson.Options))!;
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered), (alert.State, alert.Outcome));
        Assert.Equal(("agent:" + Agent, "resolved: the agent sorted it out with the customer: paid by bank transfer"), (alert.History[^1].By, alert.History[^1].Note));
        Assert.Empty(await FollowingAsync());

        // Both moments are on her journey: the call that reached her, and how it ended.
        var timeline = (await ReadObject(await _http.GetAsync($"api/customers/{customer}")))["timeline"]!.AsArray();
        Assert.Equal(["resolved", "contacted"], timeline.Where(i => (string)i!["type"]! == "outreach").Select(i => (string)i!["attributes"]!["result"]!));

        // The same closing report again (a retry) is recorded; another one is not.
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved", "note": "paid by bank transfer" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "declined" }"""))).StatusCode);
    }

    [Fact]
    public async Task A_customer_owed_a_follow_up_after_a_service_visit_is_recovered_by_the_call_that_reaches_her()
    {
        // The console's "Contacted" said "the alert stays open" on every prompt, while a missed
        // follow-up closed on the call itself: reaching her is what that rule asks for.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var customer = NewCustomer();
        var visit = Make(customer, DateTimeOffset.UtcNow.AddDays(-4), InteractionTypes.ServiceVisit, "field-service/boiler") with { Channel = Channel.FieldService, Stage = JourneyStage.Service };
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([visit]))).StatusCode);
        var prompt = await agent.NextPromptAsync(Patience);
        while (prompt.CustomerId != customer)
        {
            prompt = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal((RuleIds.MissedFollowUp, true), (prompt.RuleId, prompt.ContactResolves));
        Assert.Equal(true, (bool?)(await ReadObject(await _http.GetAsync($"api/outreach/{prompt.Id}")))["contactResolves"]);

        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted", "note": "the part arrives Thursday" }"""))).StatusCode);
        var told = await agent.NextPromptAsync(Patience);
        while (told.Id != prompt.Id || told.AlertClosed is null)
        {
            told = await agent.NextPromptAsync(Patience);
        }

        // Closed by its rule on the call, recovered: the prompt says so, and leaves the follow-ups.
        Assert.Equal((OutreachResult.Contacted, "rule:missed-follow-up", false), (told.Result, told.AlertClosed.By, told.IsFollowingUp));
        var alert = (await (await _http.GetAsync($"api/alerts/{prompt.AlertId}")).Content.ReadFromJsonAsync<Alert>(CxJson.Options))!;
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered), (alert.State, alert.Outcome));
        Assert.DoesNotContain(prompt.Id, await FollowingAsync());
    }

    [Fact]
    public async Task A_detractor_the_agent_only_reached_is_not_recovered_until_they_say_how_it_ended()
    {
        // "Contacted" on a detractor closed the alert at once and counted her recovered: an angry
        // customer on the phone, counted as won back before anything was put right.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (_, prompt) = await DetractorPromptAsync(agent);
        Assert.False(prompt.ContactResolves);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted", "note": "she is still upset about the refund" }"""))).StatusCode);
        Assert.Equal([prompt.Id], await FollowingAsync());
        var alert = (await (await _http.GetAsync($"api/alerts/{prompt.AlertId}")).Content.ReadFromJsonAsync<Alert>(CxJson.Options))!;
        Assert.Equal((AlertState.Acknowledged, null), (alert.State, alert.Outcome));

        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved", "note": "refund sent" }"""))).StatusCode);
        alert = (await (await _http.GetAsync($"api/alerts/{prompt.AlertId}")).Content.ReadFromJsonAsync<Alert>(CxJson.Options))!;
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered, "agent:" + Agent), (alert.State, alert.Outcome, alert.History[^1].By));
    }

    [Fact]
    public async Task A_follow_up_whose_alert_a_supervisor_closes_leaves_the_agents_list_saying_how()
    {
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (_, prompt) = await PaymentFailurePromptAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{prompt.AlertId}/resolve", Body("""{ "by": "supervisor:ada", "outcome": "lost", "note": "she cancelled the order" }"""))).StatusCode);

        // The console hears how the alert closed, so the prompt leaves the agent's follow-ups.
        var told = await agent.NextPromptAsync(Patience);
        while (told.Id != prompt.Id || told.AlertClosed is null)
        {
            told = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal((OutreachResult.Contacted, WithdrawalReason.AlertResolved, "supervisor:ada", AlertOutcome.Lost), (told.Result, told.AlertClosed.Reason, told.AlertClosed.By, told.AlertClosed.Outcome));
        Assert.False(told.IsFollowingUp);
        Assert.Empty(await FollowingAsync());

        // A report of how it ended comes too late, and says why.
        var late = await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved" }"""));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal($"prompt '{prompt.Id}' was reported as 'contacted', and nothing is left to follow up: alert resolved by supervisor:ada, customer lost: \"she cancelled the order\"", (string)(await ReadObject(late))["detail"]!);
        var alert = await ReadObject(await _http.GetAsync($"api/alerts/{prompt.AlertId}"));
        Assert.Equal(("resolved", "lost"), ((string)alert["state"]!, (string?)alert["outcome"]));
    }

    [Fact]
    public async Task A_follow_up_whose_alert_a_supervisor_gives_to_another_agent_is_theirs_to_close()
    {
        // The agent who reached her goes off shift: the supervisor gives her alert to a colleague.
        // The follow-up stayed with the first agent, and the colleague never heard of it.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (_, prompt) = await PaymentFailurePromptAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted", "agentId": "loop-agent" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{prompt.AlertId}/assign", Body("""{ "by": "supervisor:ada", "agentId": "sam.taylor" }"""))).StatusCode);

        Assert.Empty(await FollowingAsync());
        var theirs = await ReadArray(await _http.GetAsync("api/outreach?agentId=sam.taylor&following=true"));
        Assert.Contains(theirs, p => (string)p!["id"]! == prompt.Id);
        var moved = await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "resolved", "agentId": "loop-agent" }"""));
        Assert.Equal((HttpStatusCode.Conflict, "Prompt moved to another agent"), (moved.StatusCode, (string?)(await ReadObject(moved))["title"]));
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "declined", "agentId": "sam.taylor" }"""))).StatusCode);
        var alert = await ReadObject(await _http.GetAsync($"api/alerts/{prompt.AlertId}"));
        Assert.Equal(("resolved", "lost", "agent:sam.taylor"), ((string)alert["state"]!, (string?)alert["outcome"], (string?)alert["history"]!.AsArray()[^1]!["by"]));
    }

    [Fact]
    public async Task Listing_prompts_both_pending_and_followed_up_is_refused_by_name()
    {
        var both = await _http.GetAsync($"api/outreach?agentId={Agent}&pending=true&following=true");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("following: cannot be true with pending=true", (string)(await ReadObject(both))["detail"]!);
    }

    [Fact]
    public async Task A_pending_prompt_says_what_its_alert_says_when_the_condition_is_seen_again()
    {
        // An agent once read "Waited 14 min in a queue" on the prompt above the same alert's
        // "Waited 9 min" in its customer's open alerts: the alert takes fresher words when its
        // condition is seen again, and its prompt kept the first ones.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (customer, prompt) = await DetractorPromptAsync(agent);
        Assert.Equal("Detractor: NPS 2", prompt.Why);

        var again = Make(customer, DateTimeOffset.UtcNow.AddSeconds(-30), InteractionTypes.Survey, "survey/nps", score: 0, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([again]))).StatusCode);
        var alert = await Eventually.ResultAsync(
            async () => (await (await _http.GetAsync($"api/alerts/{prompt.AlertId}")).Content.ReadFromJsonAsync<Alert>(CxJson.Options))!,
            a => a.Occurrences > 1, Patience, "the alert to take the second survey");
        Assert.Equal("Detractor: NPS 0", alert.Title);

        // The console hears the prompt again, in the alert's words, in both languages; the API says the same.
        var updated = await agent.NextPromptAsync(Patience);
        while (updated.Id != prompt.Id || updated.Why == prompt.Why)
        {
            updated = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal((alert.Title, alert.Detail), (updated.Why, updated.Detail));
        Assert.Equal(alert.Translations[AlertLanguages.Chinese].Title, updated.Translations[AlertLanguages.Chinese].Title);
        Assert.True(updated.IsPending);
        Assert.Equal(prompt.Channel, updated.Channel);
        Assert.Equal(alert.Title, (string)(await ReadObject(await _http.GetAsync($"api/outreach/{prompt.Id}")))["why"]!);
    }

    [Fact]
    public async Task A_customer_reported_unreachable_who_runs_into_trouble_again_is_prompted_again()
    {
        // "Unreachable" leaves the alert open "for another try", yet nothing came of it: the
        // customer's next failed payments only folded into the alert, and no agent heard of them.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (customer, prompt) = await DetractorPromptAsync(agent);
        var scoreBefore = (double)(await ReadObject(await _http.GetAsync($"api/customers/{customer}")))["experienceScore"]!;
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "unreachable", "note": "voicemail" }"""))).StatusCode);
        Assert.Equal(0, await PendingOf(Agent));
        // The voicemail is on her journey (written before the report is answered) and costs her score
        // nothing: at a point it tipped her under 40, and the wall said "new: experience drop".
        var customerNow = await ReadObject(await _http.GetAsync($"api/customers/{customer}"));
        Assert.Contains(customerNow["timeline"]!.AsArray(), i => (string)i!["type"]! == "outreach");
        Assert.Equal(scoreBefore, (double)customerNow["experienceScore"]!);

        var at = DateTimeOffset.UtcNow.AddSeconds(-20);
        var payments = Enumerable.Range(0, 2).Select(n => Make(customer, at.AddSeconds(n * 5), InteractionTypes.Payment, "web/checkout", Outcome.Failure));
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([.. payments]))).StatusCode);

        // Another try, on the same alert: it says what is new, and the agent sees the first try in the timeline.
        var again = await agent.NextPromptAsync(Patience);
        while (again.CustomerId != customer || again.Id == prompt.Id)
        {
            again = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal((prompt.AlertId, $"p-{prompt.AlertId}.2"), (again.AlertId, again.Id));
        Assert.True(again.IsPending);
        Assert.Contains("payment-failure", again.Also);
        Assert.Contains(again.Timeline, i => i.Type == InteractionTypes.Outreach && i.Outcome == Outcome.Failure);
        Assert.Equal(Agent, again.AgentId); // the only agent here: the alert stays theirs
        // The first try stays as reported; the second is the agent's to report, and the alert follows it.
        Assert.Equal("unreachable", (string?)(await ReadObject(await _http.GetAsync($"api/outreach/{prompt.Id}")))["result"]);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{again.Id}/outcome", Body("""{ "outcome": "declined" }"""))).StatusCode);
        var alert = await ReadObject(await _http.GetAsync($"api/alerts/{prompt.AlertId}"));
        Assert.Equal(("resolved", "lost"), ((string)alert["state"]!, (string?)alert["outcome"]));
    }

    [Fact]
    public async Task A_customer_reported_unreachable_whose_own_condition_is_seen_again_is_prompted_again()
    {
        // Her detractor score again, lower: the alert's own condition in other words, which writes no
        // step in its history (once, the last step then read as the cause held the second try back).
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (customer, prompt) = await DetractorPromptAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "unreachable" }"""))).StatusCode);

        var again = Make(customer, DateTimeOffset.UtcNow.AddSeconds(-10), InteractionTypes.Survey, "survey/nps", score: 0, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body([again]))).StatusCode);
        var second = await agent.NextPromptAsync(Patience);
        while (second.CustomerId != customer || second.Id == prompt.Id)
        {
            second = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal(($"p-{prompt.AlertId}.2", "Detractor: NPS 0"), (second.Id, second.Why));
    }

    [Fact]
    public async Task An_agents_contacted_report_on_an_alert_a_supervisor_acknowledged_keeps_the_agents_note_in_its_history()
    {
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (_, prompt) = await DetractorPromptAsync(agent);

        // The supervisor acknowledged it on the wall; the agent then calls and reports it with a note.
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{prompt.AlertId}/ack", Body("""{ "by": "supervisor:ada" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted", "note": "she accepted a voucher" }"""))).StatusCode);

        // Her words are on the alert, by her.
        var alert = (await (await _http.GetAsync($"api/alerts/{prompt.AlertId}")).Content.ReadFromJsonAsync<Alert>(CxJson.Options))!;
        var step = Assert.Single(alert.History, s => s.By == "agent:" + Agent);
        Assert.Equal("the agent reached the customer: she accepted a voucher", step.Note);
        Assert.Equal("坐席已联系上客户，备注：she accepted a voucher", step.Translations?[AlertLanguages.Chinese]);
    }

    [Fact]
    public async Task A_prompt_whose_alert_a_supervisor_resolves_is_withdrawn_from_the_agents_queue_and_a_call_made_meanwhile_still_reaches_her_journey()
    {
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var (customer, prompt) = await DetractorPromptAsync(agent);

        Assert.True(prompt.IsPending);
        Assert.Equal(1, await PendingOf(Agent));

        // The supervisor settles it from the wall before the agent gets to it.
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{prompt.AlertId}/resolve", Body("""{ "by": "supervisor:ada", "outcome": "recovered", "note": "she called in herself" }"""))).StatusCode);

        // The console is told, so the prompt leaves the agent's queue; the desk no longer counts it.
        var withdrawn = await agent.NextPromptAsync(Patience);
        while (withdrawn.Id != prompt.Id)
        {
            withdrawn = await agent.NextPromptAsync(Patience);
        }

        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Null(withdrawn.Result);
        Assert.Contains("supervisor:ada", withdrawn.WithdrawnBecause);
        Assert.Equal(WithdrawalReason.AlertResolved, withdrawn.Withdrawal?.Reason); // as data too, for pages to word in their language
        Assert.Equal("supervisor:ada", withdrawn.Withdrawal?.By);
        Assert.Equal("she called in herself", withdrawn.Withdrawal?.Note); // what she wrote, so the agent knows how it ended
        Assert.Equal("alert resolved by supervisor:ada, customer recovered: \"she called in herself\"", withdrawn.WithdrawnBecause);
        Assert.DoesNotContain(await ReadArray(await _http.GetAsync($"api/outreach?agentId={Agent}&pending=true")), p => (string)p!["id"]! == prompt.Id);
        Assert.Equal(0, await PendingOf(Agent));

        // The agent had called her before the word came: her report is recorded on the customer's
        // journey (it was refused, and a contact that happened was lost); the alert stays as the
        // supervisor closed it. Another outcome after that is a conflict, the same one again is not.
        var late = await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "declined", "note": "she said it was sorted" }"""));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var recorded = (await ReadObject(late))["prompt"]!;
        Assert.Equal(("declined", true), ((string?)recorded["result"], recorded["withdrawnAt"] is not null));
        var timeline = (await ReadObject(await _http.GetAsync($"api/customers/{customer}")))["timeline"]!.AsArray();
        Assert.Contains(timeline, i => (string)i!["type"]! == "outreach" && (string?)i["attributes"]?["result"] == "declined");
        var alert = await ReadObject(await _http.GetAsync($"api/alerts/{prompt.AlertId}"));
        Assert.Equal(("resolved", "recovered"), ((string)alert["state"]!, (string?)alert["outcome"]));
        Assert.Equal(0, await PendingOf(Agent));
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "contacted" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/outreach/{prompt.Id}/outcome", Body("""{ "outcome": "declined", "note": "she said it was sorted" }"""))).StatusCode);
    }

    [Fact]
    public async Task A_prompt_whose_alert_an_outage_takes_in_is_withdrawn_until_the_cause_is_known()
    {
        // She searches in vain on a page that is about to fail for everyone: her alert reaches the agent first.
        await using var agent = await AgentClient.ConnectAsync(_app.BaseAddress, Agent);
        var touchpoint = "web/search-" + Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var customer = NewCustomer();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 3).Select(n => FailedSearch(customer, at.AddSeconds(n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]))).StatusCode);
        var prompt = await agent.NextPromptAsync(Patience);
        while (prompt.CustomerId != customer)
        {
            prompt = await agent.NextPromptAsync(Patience);
        }

        Assert.True(prompt.IsPending);

        // Then the page fails for everyone: the outage's incident takes her alert in, and the
        // incident says to hold outreach until the cause is known. The agent's prompt goes with it.
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(
            [.. Enumerable.Range(0, 20).Select(n => FailedSearch(NewCustomer(), at.AddSeconds(10 + n)) with { Touchpoint = touchpoint, Outcome = Outcome.Failure })]))).StatusCode);
        var withdrawn = await agent.NextPromptAsync(Patience);
        while (withdrawn.Id != prompt.Id || withdrawn.WithdrawnAt is null) // it may first learn of a condition folded in
        {
            withdrawn = await agent.NextPromptAsync(Patience);
        }

        Assert.Equal(new PromptWithdrawal(WithdrawalReason.JoinedIncident, "system", Touchpoint: touchpoint), withdrawn.Withdrawal);
        Assert.Equal($"its alert joined the outage at {touchpoint}: hold outreach until the cause is known", withdrawn.WithdrawnBecause);
        var alert = await ReadObject(await _http.GetAsync($"api/alerts/{prompt.AlertId}"));
        Assert.Equal("open", (string)alert["state"]!); // not resolved: the incident stands for her until it is fixed
        Assert.NotNull((string?)alert["incidentId"]);
        Assert.DoesNotContain(await ReadArray(await _http.GetAsync($"api/outreach?agentId={Agent}&pending=true")), p => (string)p!["id"]! == prompt.Id);
    }

    [Fact]
    public async Task Following_or_listing_with_an_id_that_matches_nothing_is_refused_by_name()
    {
        // A misspelt agent id used to follow nothing and list [] without a word.
        var refused = await Assert.ThrowsAsync<HubException>(() => AgentClient.ConnectAsync(_app.BaseAddress, "loop-agnet"));
        Assert.Contains($"No agent is called 'loop-agnet'; the agents are {Agent}", refused.Message);

        var listed = await _http.GetAsync("api/outreach?agentId=loop-agnet");
        Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
        Assert.Contains($"agentId: no agent is called 'loop-agnet'; the agents are {Agent}", (string)(await ReadObject(listed))["detail"]!);

        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_app.BaseAddress, "hubs/cx")).Build();
        await hub.StartAsync();
        Assert.Contains("customerId is required", (await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeCustomer", "", null))).Message);
        Assert.Contains("touchpoint is required", (await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeTouchpoint", " "))).Message);

        // Each was the client's mistake: the log says so in one line, not as an error with a stack
        // that reads like the server failing (SignalR's own line for a failed call).
        var logs = _app.Logs.GetSnapshot();
        Assert.DoesNotContain(logs, line => line.Level >= LogLevel.Error && ((line.Category ?? "").Contains("SignalR") || (line.Category ?? "").Contains("Hubs")));
        Assert.Contains(logs, line => line.Level == LogLevel.Information && line.Message.Contains("Hub call SubscribeAgent refused") && line.Message.Contains("No agent is called 'loop-agnet'"));
        Assert.Contains(logs, line => line.Level == LogLevel.Information && line.Message.Contains("Hub call SubscribeTouchpoint refused") && line.Message.Contains("touchpoint is required"));
    }

    private async Task<int> PendingOf(string agent) =>
        (int)(await ReadArray(await _http.GetAsync("api/agents"))).Single(a => (string)a!["id"]! == agent)!["pending"]!;
}
