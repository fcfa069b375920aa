using System.Collections.Immutable;
using CxLive.Alerts;
using CxLive.Customers;
using CxLive.Feed;
using CxLive.Storage;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace CxLive.Agents;

/// <summary>
/// The outreach desk of one alert partition (key: the partition). For each new customer alert of
/// that partition with a suggested action it builds a prompt (the customer's timeline, score and
/// preferred channel), routes it to an agent with the skill, assigns the alert to that agent, and
/// pushes the prompt to the agent's console. Least-loaded routing counts the prompts of this desk:
/// every desk balances its share, so the agents' loads stay even across the cluster without any
/// one grain seeing every prompt.
/// Placed by the hash of its key (<c>[HashBasedPlacement]</c>): the partitions spread evenly over
/// the silos instead of gathering where their first caller happened to run.
/// </summary>
[HashBasedPlacement]
public sealed class OutreachDeskGrain : Grain, IOutreachDeskGrain
{
    private readonly IRecordStore _store;
    private readonly DeskRecords _records;
    private readonly OutreachOptions _options;
    private readonly TimeProvider _time;
    private OutreachState _prompts = new();
    private long _published;

    public OutreachDeskGrain(IRecordStore store, DeskRecords records, IOptions<OutreachOptions> options, TimeProvider time)
    {
        _store = store;
        _records = records;
        _options = options.Value;
        _time = time;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _prompts = _records.Read(await _store.LoadAsync(DeskRecords.Scope(Partition)));
        _published = _prompts.Sequence;
    }

    public async Task OfferAsync(ImmutableArray<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            if (alert is not { CustomerId: { } customerId, SuggestedAction: { } action, State: not AlertState.Resolved })
            {
                continue;
            }

            if (_prompts.ById.TryGetValue(PromptIdOf(alert), out var offered))
            {
                // Offered again: the prompt stands. Only an assignment lost on its way (a silo died
                // between the prompt's write and the alert's) is made again.
                if (offered is { IsPending: true, AgentId: { } assignee } && alert.AssignedTo is null)
                {
                    await AssignAsync(alert, assignee, offered);
                }

                continue;
            }

            var customer = await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetSnapshotAsync();
            var channel = OutreachRouting.PreferredChannel(customer.ByChannel, action.Channel);
            var nextInTurn = _prompts.NextInTurn;
            var agent = OutreachRouting.Choose(_options.Agents, channel, _prompts.Pending, _options.Routing, ref nextInTurn);
            _prompts.NextInTurn = nextInTurn;

            var prompt = new OutreachPrompt
            {
                Id = PromptIdOf(alert),
                AlertId = alert.Id,
                CustomerId = customerId,
                AgentId = agent?.Id,
                RuleId = alert.RuleId,
                Severity = alert.Severity,
                Why = alert.Title,
                Detail = alert.Detail,
                Channel = channel,
                Wording = action.Wording,
                Context = action.Context,
                Translations = alert.Translations,
                Timeline = [.. customer.Timeline.Take(_options.TimelineInPrompt)],
                ExperienceScore = customer.ExperienceScore,
                CreatedAt = _time.GetUtcNow(),
            };
            prompt = Number(prompt);
            _prompts.Add(prompt);
            await SaveAsync(); // written before the agent or the alert hears of it

            if (agent is not null)
            {
                await AssignAsync(alert, agent.Id, prompt);
            }

            await PublishAsync(prompt); // every numbered change, so web servers see no false gap; only an agent's reaches a console
        }
    }

    private Task AssignAsync(Alert alert, string agentId, OutreachPrompt prompt) =>
        GrainFactory.GetGrain<IAlertBookGrain>(Partition).ActAsync(alert.Id, new AlertAction
        {
            Kind = AlertActionKind.Assign,
            AgentId = agentId,
            By = "outreach-desk",
            Note = $"prompt {prompt.Id}, {Serialization.WireNames<Journeys.Channel>.Of(prompt.Channel)}",
        });

    public async Task WithdrawAsync(ImmutableArray<Alert> closed)
    {
        var withdrawn = new List<OutreachPrompt>();
        foreach (var alert in closed)
        {
            if (!_prompts.ById.TryGetValue(PromptIdOf(alert), out var prompt) || !prompt.IsPending)
            {
                continue; // never offered, or already reported (an agent's report is what closed it)
            }

            prompt = Number(prompt with { WithdrawnAt = _time.GetUtcNow(), WithdrawnBecause = WhyWithdrawn(alert) });
            _prompts.Update(prompt);
            withdrawn.Add(prompt);
        }

        if (withdrawn.Count == 0)
        {
            return;
        }

        _prompts.Trim(_options.ReportedKept);
        await SaveAsync();
        foreach (var prompt in withdrawn)
        {
            await PublishAsync(prompt); // the console takes it off the agent's queue
        }
    }

    private static string WhyWithdrawn(Alert alert)
    {
        var by = alert.History.Length > 0 ? alert.History[^1].By : null;
        var outcome = alert.Outcome is { } o ? Serialization.WireNames<AlertOutcome>.Of(o) : null;
        return "alert resolved" + (by is null ? "" : $" by {by}") + (outcome is null ? "" : $", customer {outcome}");
    }

    public Task<OutreachPrompt?> GetAsync(string promptId) => Task.FromResult(_prompts.ById.GetValueOrDefault(promptId));

    public Task<ImmutableArray<OutreachPrompt>> ListAsync(string? agentId, bool pendingOnly) =>
        Task.FromResult(_prompts.NewestFirst().Where(p => p.AgentId == agentId && (!pendingOnly || p.IsPending)).ToImmutableArray());

    public async Task<OutreachPrompt?> ReportAsync(string promptId, OutreachResult result, string? note)
    {
        if (!_prompts.ById.TryGetValue(promptId, out var prompt) || !prompt.IsPending)
        {
            return prompt;
        }

        prompt = Number(prompt with { Result = result, ReportedAt = _time.GetUtcNow(), Note = note });
        _prompts.Update(prompt);
        _prompts.Trim(_options.ReportedKept);
        await SaveAsync(); // an agent's report must not be lost
        await PublishAsync(prompt); // the agent's other consoles see it reported
        return prompt;
    }

    public Task<ImmutableArray<Agent>> AgentsAsync() =>
        Task.FromResult(_options.Agents.Select(a => new Agent(a.Id, a.Name ?? a.Id, [.. a.EffectiveSkills], _prompts.Pending(a.Id))).ToImmutableArray());

    public Task<PromptCatchUp> PromptsAfterAsync(long after, string? agentId, int limit)
    {
        var changed = _prompts.ById.Values.Where(p => p.Sequence > after && (agentId is null || p.AgentId == agentId)).OrderBy(p => p.Sequence).Take(limit + 1).ToList();
        var more = changed.Count > limit;
        if (more)
        {
            changed.RemoveAt(limit);
        }

        return Task.FromResult(new PromptCatchUp { Prompts = [.. changed], Head = more ? changed[^1].Sequence : _published, More = more });
    }

    public Task<long> PublishedAsync() => Task.FromResult(_published);

    private async Task PublishAsync(OutreachPrompt prompt)
    {
        await GrainFactory.GetGrain<IAlertFeedGrain>(Partition).PublishPromptAsync(prompt);
        _published = Math.Max(_published, prompt.Sequence);
    }

    /// <summary>Writes the prompts that changed, before the agent or the alert hears of them.</summary>
    private Task SaveAsync() => _store.WriteChangedAsync(DeskRecords.Scope(Partition), _prompts.Dirty, () => _records.TakeChanges(_prompts));

    private int Partition => (int)this.GetPrimaryKeyLong();

    /// <summary>Every prompt change takes the next number of this desk's sequence (see <see cref="OutreachPrompt.Sequence"/>).</summary>
    private OutreachPrompt Number(OutreachPrompt prompt) => prompt with { Partition = Partition, Sequence = ++_prompts.Sequence };

    /// <summary>One prompt per alert: offering the same alert twice (a replay) changes nothing.</summary>
    private static string PromptIdOf(Alert alert) => "p-" + alert.Id;
}
