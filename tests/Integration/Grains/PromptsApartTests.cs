using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using static CxLive.Tests.Integration.Grains.PartitionedAlertsTests;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// A prompt and its alert are written one after the other: the desk writes a prompt, then assigns
/// its alert; a supervisor's move writes the alert, then the prompt. When the second write does not
/// happen (the other grain's silo just died, or the desk's own), the wall names one agent while
/// another has the prompt. The desk brings them together again.
/// </summary>
public sealed class PromptsApartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // beyond a retry's 10 s, should the first come while the book still refuses

    /// <summary>While on, the alert books refuse the desk's assignments (and, with <see cref="Reports"/>, an agent's contacted report), as a silo that just died would.</summary>
    private sealed class UnreachableForTheDesk : IIncomingGrainCallFilter
    {
        public static volatile bool On;
        public static volatile bool Reports;

        public Task Invoke(IIncomingGrainCallContext context) =>
            context.InterfaceMethod?.Name == nameof(IAlertBookGrain.ActAsync) && context.Request.GetArgument(1) is AlertAction action
                && ((On && action.By == "outreach-desk") || (Reports && action.Kind == AlertActionKind.Report))
                ? throw new TimeoutException("the alert book's silo is gone")
                : context.Invoke();
    }

    private static async Task<InProcessTestCluster> StartAsync(int capacity = 5)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddCxGrains().Configure<OutreachOptions>(o =>
        {
            o.Agents = [new AgentOptions { Id = "ann", Name = "Ann" }, new AgentOptions { Id = "ben", Name = "Ben" }];
            o.Routing = OutreachOptions.RoundRobin; // each new prompt to the other agent
            o.Capacity = capacity;
        }));
        builder.ConfigureSilo((_, silo) => silo.AddCxMemoryStorage().UseInMemoryReminderService().AddIncomingGrainCallFilter<UnreachableForTheDesk>());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>A detractor worth a phone call, raised for a new customer; its first prompt, once made.</summary>
    private static async Task<(Alert Alert, OutreachPrompt Prompt)> PromptedAsync(ClusterAlerts alerts, int? partition = null)
    {
        var customer = $"c-{Guid.NewGuid():N}";
        while (partition is { } wanted && AlertPartitions.Of(customer, AlertPartitions.DefaultCount) != wanted)
        {
            customer = $"c-{Guid.NewGuid():N}"; // a customer whose alerts the same desk keeps
        }

        var alert = Assert.Single(await alerts.BookOfCustomer(customer).ApplyAsync([Worth(Raise("detractor", customer))]));
        var desk = alerts.Desk(alert.Partition);
        await Eventually.TrueAsync(async () => await desk.GetAsync(OutreachState.PromptId(alert.Id, 1)) is { AgentId: not null }, Patience, "the first prompt, with an agent");
        return (alert, (await desk.GetAsync(OutreachState.PromptId(alert.Id, 1)))!);
    }

    /// <summary>A supervisor gives the alert to <paramref name="agent"/>; the desk that would have moved its prompt dies before it does.</summary>
    private static async Task MoveAlertAsItsDeskDiesAsync(ClusterAlerts alerts, Alert alert, string agent)
    {
        Assert.True((await alerts.Book(alert.Partition).ActAsync(alert.Id, new AlertAction { Kind = AlertActionKind.Assign, AgentId = agent, By = "sam" })).Succeeded);
        await alerts.Desk(alert.Partition).Cast<IGrainManagementExtension>().DeactivateOnIdle();
    }

    private static AlertSignal Worth(AlertSignal signal) => signal with { SuggestedAction = new SuggestedAction(Channel.CallCenter, "Hello", "context") };

    [Fact]
    public async Task A_second_try_whose_alert_could_not_be_assigned_moves_the_alert_to_its_agent_once_the_alert_can_be_reached()
    {
        await using var cluster = await StartAsync();
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var (alert, first) = await PromptedAsync(alerts);
        var (book, desk) = (alerts.Book(alert.Partition), alerts.Desk(alert.Partition));
        await desk.ReportAsync(first.Id, OutreachResult.Unreachable, "voicemail");

        // She fails to pay: another try, for the other agent; the alert cannot be reached to say so.
        UnreachableForTheDesk.On = true;
        try
        {
            await book.ApplyAsync([Worth(Raise("payment-failure", alert.CustomerId!))]);
            await Eventually.TrueAsync(async () => await desk.GetAsync(OutreachState.PromptId(alert.Id, 2)) is { IsPending: true }, Patience, "the second try's prompt");
            var second = (await desk.GetAsync(OutreachState.PromptId(alert.Id, 2)))!;
            Assert.NotEqual(first.AgentId, second.AgentId);
            Assert.Equal(first.AgentId, (await book.GetAsync(alert.Id))!.AssignedTo); // apart: the wall names the first agent
        }
        finally
        {
            UnreachableForTheDesk.On = false;
        }

        var secondAgent = (await desk.GetAsync(OutreachState.PromptId(alert.Id, 2)))!.AgentId;
        await Eventually.TrueAsync(async () => (await book.GetAsync(alert.Id))!.AssignedTo == secondAgent, Patience, "the alert assigned to the second try's agent");
    }

    [Fact]
    public async Task A_try_left_waiting_in_the_queue_while_its_alert_could_not_be_told_is_said_to_wait_once_it_can()
    {
        await using var cluster = await StartAsync(capacity: 1);
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var (alert, first) = await PromptedAsync(alerts);
        var (book, desk) = (alerts.Book(alert.Partition), alerts.Desk(alert.Partition));
        await PromptedAsync(alerts); // the other agent is full
        await desk.ReportAsync(first.Id, OutreachResult.Unreachable, "voicemail");
        await PromptedAsync(alerts); // and the first again

        // She fails to pay: another try, for which nobody has room; her alert cannot be told it waits.
        UnreachableForTheDesk.On = true;
        try
        {
            await book.ApplyAsync([Worth(Raise("payment-failure", alert.CustomerId!))]);
            await Eventually.TrueAsync(async () => await desk.GetAsync(OutreachState.PromptId(alert.Id, 2)) is { IsPending: true, AgentId: null }, Patience, "the second try, waiting");
            Assert.Equal((first.AgentId, null), ((await book.GetAsync(alert.Id))!.AssignedTo, (await book.GetAsync(alert.Id))!.AwaitingAgentSince)); // the wall named the agent who could not reach her
        }
        finally
        {
            UnreachableForTheDesk.On = false;
        }

        var waiting = await Eventually.ResultAsync(() => book.GetAsync(alert.Id), a => a!.AwaitingAgentSince is not null, Patience, "the alert said to wait for an agent");
        Assert.Null(waiting!.AssignedTo);
    }

    [Fact]
    public async Task A_try_said_to_wait_late_leaves_alone_an_alert_a_supervisor_assigned_meanwhile()
    {
        await using var cluster = await StartAsync(capacity: 1);
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        // Two customers of one desk, each unreached once, while both agents are full again.
        var (first, firstTry) = await PromptedAsync(alerts);
        var (second, secondTry) = await PromptedAsync(alerts, first.Partition);
        var (book, desk) = (alerts.Book(first.Partition), alerts.Desk(first.Partition));
        var other = firstTry.AgentId == "ann" ? "ben" : "ann"; // not the agent of the try before, whom a late word may replace
        await desk.ReportAsync(firstTry.Id, OutreachResult.Unreachable, "voicemail");
        await PromptedAsync(alerts);
        await desk.ReportAsync(secondTry.Id, OutreachResult.Unreachable, "voicemail");
        await PromptedAsync(alerts);

        // Both run into trouble again: two tries wait in the queue, and neither alert can be told so.
        UnreachableForTheDesk.On = true;
        try
        {
            foreach (var alert in new[] { first, second })
            {
                await book.ApplyAsync([Worth(Raise("payment-failure", alert.CustomerId!))]);
                await Eventually.TrueAsync(async () => await desk.GetAsync(OutreachState.PromptId(alert.Id, 2)) is { IsPending: true, AgentId: null }, Patience, "another try, waiting");
            }

            // A supervisor gives the first to the other agent on the wall; the move of its prompt is lost (the book is not the desk).
            Assert.True((await book.ActAsync(first.Id, new AlertAction { Kind = AlertActionKind.Assign, AgentId = other, By = "sam" })).Succeeded);
        }
        finally
        {
            UnreachableForTheDesk.On = false;
        }

        // The desk tells both again in one pass, the first first: once the second says it waits, the first was weighed too.
        await Eventually.TrueAsync(async () => (await book.GetAsync(second.Id))!.AwaitingAgentSince is not null, Patience, "the second alert said to wait");
        var kept = (await book.GetAsync(first.Id))!;
        Assert.Equal((other, null), (kept.AssignedTo, kept.AwaitingAgentSince)); // the supervisor's choice stands
    }

    [Fact]
    public async Task A_supervisors_move_that_reached_the_alert_but_not_its_prompt_moves_the_prompt_when_the_desk_wakes_again()
    {
        await using var cluster = await StartAsync();
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var (alert, prompt) = await PromptedAsync(alerts);
        var desk = alerts.Desk(alert.Partition);
        var other = prompt.AgentId == "ann" ? "ben" : "ann";
        await MoveAlertAsItsDeskDiesAsync(alerts, alert, other);

        await Eventually.TrueAsync(async () => (await desk.GetAsync(prompt.Id))!.AgentId == other, Patience, "the prompt following its alert to the agent the supervisor chose");
        var agents = await desk.AgentsAsync();
        Assert.Equal((0, 1), (agents.Single(a => a.Id == prompt.AgentId).Pending, agents.Single(a => a.Id == other).Pending));
        // The slots every desk routes by, too: the first agent's is free again.
        Assert.Equal((0, 1), (await cluster.Client.GetGrain<IAgentLoadGrain>(prompt.AgentId!).PendingAsync(), await cluster.Client.GetGrain<IAgentLoadGrain>(other).PendingAsync()));
    }

    [Fact]
    public async Task A_follow_up_whose_hand_over_was_lost_goes_to_the_alerts_agent_when_the_desk_wakes_again()
    {
        await using var cluster = await StartAsync();
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var (alert, prompt) = await PromptedAsync(alerts);
        var desk = alerts.Desk(alert.Partition);
        var other = prompt.AgentId == "ann" ? "ben" : "ann";
        await desk.ReportAsync(prompt.Id, OutreachResult.Contacted, "she will try another card");
        await MoveAlertAsItsDeskDiesAsync(alerts, alert, other); // the follow-up is not handed over

        await Eventually.TrueAsync(async () => (await desk.GetAsync(prompt.Id))!.AgentId == other, Patience, "the follow-up going to the agent the supervisor chose");
        Assert.Equal([prompt.Id], (await alerts.FollowingAsync(other)).Select(p => p.Id));
        Assert.Empty(await alerts.FollowingAsync(prompt.AgentId!));
    }

    [Fact]
    public async Task How_a_call_ended_reported_while_the_calls_own_report_is_unfinished_loses_neither()
    {
        await using var cluster = await StartAsync();
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var (alert, prompt) = await PromptedAsync(alerts);
        var desk = alerts.Desk(alert.Partition);

        // "Contacted" is kept, but cannot reach the alert yet; the agent then says how it ended.
        UnreachableForTheDesk.Reports = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => desk.ReportAsync(prompt.Id, OutreachResult.Contacted, "she will try another card"));
            Assert.True((await desk.GetAsync(prompt.Id))!.IsFollowingUp);
            await Assert.ThrowsAnyAsync<Exception>(() => desk.ReportAsync(prompt.Id, OutreachResult.Resolved, "paid by transfer")); // not confirmed: the first is not through
        }
        finally
        {
            UnreachableForTheDesk.Reports = false;
        }

        Assert.True((await desk.ReportAsync(prompt.Id, OutreachResult.Resolved, "paid by transfer")).Reported);

        // Both on the alert and on her journey, in order; the agent's slot freed.
        var closed = (await alerts.Book(alert.Partition).GetAsync(alert.Id))!;
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered), (closed.State, closed.Outcome));
        var agentSteps = closed.History.Where(s => s.By == "agent:" + prompt.AgentId).Select(s => s.Note).ToList();
        Assert.Equal(["acknowledged: the agent reached the customer: she will try another card", "resolved: the agent sorted it out with the customer: paid by transfer"], agentSteps);
        var journey = (await cluster.Client.GetGrain<ICustomerGrain>(alert.CustomerId!).GetSnapshotAsync()).Timeline;
        Assert.Equal([$"outreach-{prompt.Id}-resolved", $"outreach-{prompt.Id}"], journey.Where(i => i.Type == InteractionTypes.Outreach).Select(i => i.Id));
        Assert.Equal(0, await cluster.Client.GetGrain<IAgentLoadGrain>(prompt.AgentId!).PendingAsync());
    }
}
