using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
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

    /// <summary>While on, the alert books refuse the desk's assignments, as a silo that just died would.</summary>
    private sealed class UnreachableForTheDesk : IIncomingGrainCallFilter
    {
        public static volatile bool On;

        public Task Invoke(IIncomingGrainCallContext context) =>
            On && context.InterfaceMethod?.Name == nameof(IAlertBookGrain.ActAsync) && context.Request.GetArgument(1) is AlertAction { By: "outreach-desk" }
                ? throw new TimeoutException("the alert book's silo is gone")
                : context.Invoke();
    }

    private static async Task<InProcessTestCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddCxGrains().Configure<OutreachOptions>(o =>
        {
            o.Agents = [new AgentOptions { Id = "ann", Name = "Ann" }, new AgentOptions { Id = "ben", Name = "Ben" }];
            o.Routing = OutreachOptions.RoundRobin; // each new prompt to the other agent
        }));
        builder.ConfigureSilo((_, silo) => silo.AddCxMemoryStorage().UseInMemoryReminderService().AddIncomingGrainCallFilter<UnreachableForTheDesk>());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>A detractor worth a phone call, raised for a new customer; its first prompt, once made.</summary>
    private static async Task<(Alert Alert, OutreachPrompt Prompt)> PromptedAsync(ClusterAlerts alerts)
    {
        var customer = $"c-{Guid.NewGuid():N}";
        var alert = Assert.Single(await alerts.BookOfCustomer(customer).ApplyAsync([Worth(Raise("detractor", customer))]));
        var desk = alerts.Desk(alert.Partition);
        await Eventually.TrueAsync(async () => await desk.GetAsync(OutreachState.PromptId(alert.Id, 1)) is { AgentId: not null }, Patience, "the first prompt, with an agent");
        return (alert, (await desk.GetAsync(OutreachState.PromptId(alert.Id, 1)))!);
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
    public async Task A_supervisors_move_that_reached_the_alert_but_not_its_prompt_moves_the_prompt_when_the_desk_wakes_again()
    {
        await using var cluster = await StartAsync();
        var alerts = new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount);
        var (alert, prompt) = await PromptedAsync(alerts);
        var desk = alerts.Desk(alert.Partition);
        var other = prompt.AgentId == "ann" ? "ben" : "ann";

        // The alert moves; the desk that would have moved the prompt dies before it does.
        var moved = await alerts.Book(alert.Partition).ActAsync(alert.Id, new AlertAction { Kind = AlertActionKind.Assign, AgentId = other, By = "sam" });
        Assert.True(moved.Succeeded);
        await desk.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        await Eventually.TrueAsync(async () => (await desk.GetAsync(prompt.Id))!.AgentId == other, Patience, "the prompt following its alert to the agent the supervisor chose");
        var agents = await desk.AgentsAsync();
        Assert.Equal((0, 1), (agents.Single(a => a.Id == prompt.AgentId).Pending, agents.Single(a => a.Id == other).Pending));
        // The slots every desk routes by, too: the first agent's is free again.
        Assert.Equal((0, 1), (await cluster.Client.GetGrain<IAgentLoadGrain>(prompt.AgentId!).PendingAsync(), await cluster.Client.GetGrain<IAgentLoadGrain>(other).PendingAsync()));
    }
}
