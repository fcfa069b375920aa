using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Detection;
using CxLive.Grains.Feed;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Grains.Touchpoints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace CxLive.Grains.Agents;

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
[GrainType("outreachdesk")]
public sealed class OutreachDeskGrain : Grain, IOutreachDeskGrain
{
    private readonly IRecordStore _store;
    private HeldScope _held = null!;
    private readonly DeskRecords _records;
    private readonly OutreachOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutreachDeskGrain> _logger;
    private OutreachState _prompts = new();
    private readonly List<OutreachPrompt> _unpublished = [];

    /// <summary>The number of the latest change of each alert whose snooze this activation took (SnoozedNowAsync); a few per snooze.</summary>
    private readonly Dictionary<string, long> _snoozesTaken = new(StringComparer.Ordinal);
    private long _published;

    public OutreachDeskGrain(IRecordStore store, DeskRecords records, IOptions<OutreachOptions> options, TimeProvider time, ILogger<OutreachDeskGrain> logger)
    {
        _logger = logger;
        _store = store;
        _records = records;
        _options = options.Value;
        _time = time;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_held, var records) = await HeldScope.ClaimAsync(_store, DeskRecords.Scope(Partition), this);
        _prompts = _records.Read(records);
        _published = _prompts.Sequence;
        _held.CheckClaimWhileActive(); // it answers reads: prompts listed, caught up on
        KeepTime();
        // A silo that died between a prompt's write and its alert's (or, for a supervisor's move, the
        // alert's and the prompt's) left the two apart: every pending prompt is checked against its alert.
        // Follow-ups too: a hand-over whose save failed, or a word that their alert closed lost with a silo.
        _toSettle.UnionWith(_prompts.ById.Values.Where(p => p is { IsPending: true, AgentId: not null } or { IsFollowingUp: true }).Select(p => p.Id));
        if (_prompts.FollowUps.Count > 0 || _toSettle.Count > 0)
        {
            ArmUndone(TimeSpan.Zero); // what a dead silo left undone
        }

        ReportUnassignedSoon(); // the walls' count of prompts waiting for an agent, from this silo on
    }

    public Task OfferAsync(ImmutableArray<Alert> alerts) =>
        HeldScope.OneWayAsync(() => OfferNowAsync(alerts), () => this.AsReference<IOutreachDeskGrain>().OfferAsync(alerts)); // one-way: a refused write is sent on

    private async Task OfferNowAsync(ImmutableArray<Alert> alerts)
    {
        // Prompts made in this call: a later version of the same alert in the batch (a condition
        // folded in the same commit) still says "not assigned", yet it enriches, not re-assigns.
        HashSet<string>? madeNow = null;
        foreach (var alert in alerts)
        {
            if (alert is not { CustomerId: { } customerId, SuggestedAction: { } action, State: not AlertState.Resolved })
            {
                continue;
            }

            var latest = _prompts.LatestFor(alert.Id);
            if (latest?.Prompt is { IsPending: true, AgentId: { } assignee } replayed && alert.AssignedTo is null
                && madeNow?.Contains(replayed.Id) != true)
            {
                // Offered again because the assignment was lost on its way (a silo died between the
                // prompt's write and the alert's): the prompt stands, the assignment is made again.
                await HandOverAsync(replayed, assignee);
                continue;
            }

            // The prompt that takes what is new: the customer's pending one, whichever alert it is for,
            // else this alert's last (a replay, or a reported one: nothing changes).
            if (!TryAgain(alert, latest) && (latest?.Prompt is { IsPending: true } own ? own : _prompts.PendingFor(customerId) ?? latest?.Prompt) is { } offered)
            {
                // A replay, or a further condition for a customer who already has a pending prompt: one
                // conversation per customer, so the prompt they have takes what is new.
                await EnrichAsync(offered, alert);
                continue;
            }

            var customer = await GrainFactory.Ref<ICustomerGrain>(customerId).GetSnapshotAsync();
            // The customer grain put their preferred channel in the alert when it raised it
            // (OutreachRouting.OnPreferredChannel): the prompt goes by what the wall card says.
            var channel = action.Channel;
            var now = _time.GetUtcNow();
            var prompt = new OutreachPrompt
            {
                Id = OutreachState.PromptId(alert.Id, (latest?.Attempt ?? 0) + 1),
                AlertId = alert.Id,
                CustomerId = customerId,
                RuleId = alert.RuleId,
                ContactResolves = CustomerDetectors.ContactResolves(alert.RuleId, alert.Folded),
                Severity = alert.Severity,
                Also = [.. alert.Folded.Where(r => r != alert.RuleId)], // what its alert already holds, if the desk first hears of it with conditions folded in
                Why = alert.Title,
                Detail = alert.Detail,
                Channel = channel,
                Wording = action.Wording,
                Context = action.Context,
                Translations = alert.Translations,
                Timeline = [.. customer.Timeline.Take(_options.TimelineInPrompt)],
                ExperienceScore = customer.ExperienceScore,
                CreatedAt = now,
                ExpiresAt = _options.TimeToLive.TryGetValue(alert.RuleId, out var ttl) ? now + ttl : null,
                AlertSnoozedUntil = alert.SnoozedUntil,
            };
            var agent = await TakeSlotAsync(prompt);
            prompt = Number(prompt with { AgentId = agent?.Id });
            _prompts.Add(prompt);
            (madeNow ??= new(StringComparer.Ordinal)).Add(prompt.Id);
            try
            {
                await SaveAsync(); // written before the agent or the alert hears of it
            }
            catch (ScopeClaimedElsewhereException) when (agent is not null)
            {
                // This activation and its prompt are discarded (a failed write otherwise keeps the
                // prompt here, to be written with the next change): the slot is free again, and the
                // offer sent on may go to another agent.
                await Load(agent.Id).ReleaseAsync(prompt.Id);
                throw;
            }
            if (agent is not null)
            {
                await HandOverAsync(prompt, agent.Id);
            }
            else if (OutreachRouting.Able(_options.Agents, channel).Count > 0)
            {
                if (latest is not null && alert.AssignedTo is not null)
                {
                    // Another try, and every agent with the skill is full: the agent of the try that
                    // failed holds it no more. The wall said "assigned to Sam Taylor" while Sam's console
                    // had nothing for her, and the "nobody" filter could not find her.
                    await UnassignAsync(prompt);
                }

                // Every agent with the skill is full: it waits in the shared queue (one-way).
                await GrainFactory.Ref<IOutreachQueueGrain>(0).WaitAsync(new QueuedPrompt(prompt.Id, Partition, prompt.Severity, prompt.CreatedAt, channel, prompt.ExpiresAt));
            }
        }

        KeepTime();
    }

    /// <summary>
    /// Whether the alert gets another prompt: an agent could not reach its customer ("stays open for
    /// another try"), and the customer has run into trouble again since (a condition folded in, or its
    /// own seen again in other words, offered after the report). Without it, a customer reported
    /// unreachable who then failed to pay twice reached no agent: the payments only folded into the
    /// alert. Not while an outage stands for the alert, or the customer has a prompt pending; not for
    /// an experience drop, which sums moments whose own rules say what the trouble is.
    /// Only an alert someone holds: the book offers those nobody holds again every 10 s, with nothing new.
    /// </summary>
    private bool TryAgain(Alert alert, (OutreachPrompt Prompt, int Attempt)? latest) =>
        latest is { Prompt: { Result: OutreachResult.Unreachable, ReportedAt: { } reported }, Attempt: < OutreachState.MostTries }
        && alert.AssignedTo is not null
        && alert.UpdatedAt > reported
        && TroubleRule(alert) is { } rule && rule != RuleIds.ExperienceDrop
        && !IncidentHold.Holds(alert)
        && _prompts.PendingFor(alert.CustomerId!) is null;

    /// <summary>
    /// The rule whose condition made the alert's latest change; null when a person made it (a report,
    /// an acknowledgement). A change that wrote no step is its own condition seen again in other words
    /// (a repeat writes one only when worse); a folded condition's step names its rule.
    /// </summary>
    private static string? TroubleRule(Alert alert)
    {
        if (alert.History.Length == 0 || alert.UpdatedAt > alert.History[^1].At)
        {
            return alert.RuleId;
        }

        var last = alert.History[^1];
        return last.FoldedRule ?? (last.By.StartsWith("rule:", StringComparison.Ordinal) ? alert.RuleId : null);
    }

    /// <summary>A slot with the best agent who has the skill and room; null: the prompt waits in the queue.</summary>
    private async Task<AgentOptions?> TakeSlotAsync(OutreachPrompt prompt)
    {
        var able = OutreachRouting.Able(_options.Agents, prompt.Channel);
        if (able.Count == 0)
        {
            return null;
        }

        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in able)
        {
            loads[a.Id] = await Load(a.Id).PendingAsync();
        }

        var nextInTurn = _prompts.NextInTurn;
        var candidates = OutreachRouting.Candidates(_options.Agents, prompt.Channel, id => loads.GetValueOrDefault(id), _options.Capacity, _options.Routing, ref nextInTurn);
        _prompts.NextInTurn = nextInTurn;
        foreach (var candidate in candidates)
        {
            if (await Load(candidate.Id).TryTakeAsync(prompt.Id, candidate.Capacity ?? _options.Capacity))
            {
                return candidate; // another desk may have taken the last slot meanwhile: then the next
            }
        }

        return null;
    }

    /// <summary>
    /// The alert is assigned to the agent, and the prompt reaches their console, unless its alert
    /// moved on meanwhile. The prompt is written: if the alert cannot be reached now (its silo just
    /// died), the assignment is made again on a timer, and the rest of the offer goes on. Nothing else
    /// would make it: the alert book offers again only alerts nobody holds, and a second try's alert
    /// still names the first try's agent, so the wall named one agent while another had the prompt.
    /// </summary>
    private async Task HandOverAsync(OutreachPrompt prompt, string agentId)
    {
        bool assigned;
        try
        {
            assigned = await AssignAlertAsync(prompt, agentId);
        }
        catch (Exception e) when (e is not ScopeClaimedElsewhereException)
        {
            _logger.LogWarning(e, "Prompt {PromptId} is {AgentId}'s, but its alert could not be assigned to them now; trying again", prompt.Id, agentId);
            SettleSoon(prompt.Id);
            return;
        }

        if (assigned)
        {
            await PublishAsync(prompt);
        }
    }

    /// <summary>
    /// Assigns the prompt's alert; false when the alert closed or an outage took it in while the
    /// prompt was being made. The book's one-way word to withdraw may have arrived before the offer
    /// (one-way calls keep no order), so the desk withdraws the prompt itself, and nobody is told to
    /// contact a customer the incident stands for.
    /// </summary>
    private async Task<bool> AssignAlertAsync(OutreachPrompt prompt, string agentId)
    {
        var note = HistoryNote.OutreachBy(prompt.Channel); // the prompt is named after the alert: no need to name it
        var result = await GrainFactory.Ref<IAlertBookGrain>(Partition).ActAsync(prompt.AlertId, new AlertAction
        {
            Kind = AlertActionKind.Assign,
            AgentId = agentId,
            AgentName = NameOf(agentId),
            By = "outreach-desk",
            Note = note.English,
            NoteTranslations = note.Translations,
            NotOntoAnOutage = true,
        });
        if (result.Alert is { } alert && (alert.State == AlertState.Resolved || IncidentHold.Holds(alert)))
        {
            await WithdrawAsync([alert]);
            return false;
        }

        return true;
    }

    /// <summary>The alert of a try waiting in the queue: nobody holds it until an agent has room (then <see cref="HandOverAsync"/> assigns it).</summary>
    private Task UnassignAsync(OutreachPrompt prompt) => TellQueuedAlertAsync(prompt, new AlertAction
    {
        Kind = AlertActionKind.Assign,
        AgentId = null,
        // Read only by a partition on a silo not yet upgraded (a rolling upgrade), which knows
        // no unassignment: its history then says "assigned to nobody", not "assigned to ".
        AgentName = "nobody",
        By = "outreach-desk",
        Note = HistoryNote.TryWaits.English,
        NoteTranslations = HistoryNote.TryWaits.Translations,
    });

    /// <summary>
    /// Another try lapsed in the queue: its alert no longer says one waits for an agent (it said so
    /// for as long as the alert stayed open). Nothing is recorded on an alert that said no such thing
    /// (a try queued for an alert nobody held, which the desk never unassigned).
    /// </summary>
    private Task LapseAsync(OutreachPrompt prompt) =>
        TellQueuedAlertAsync(prompt, new AlertAction { Kind = AlertActionKind.Assign, AgentId = null, By = "outreach-desk", TryLapsed = true });

    /// <summary>
    /// The queue's word to the alert of a try in it. The try waits, or lapsed, all the same when the
    /// alert cannot be told now: the word is told again on the desk's 10 s timer. Without it, a card
    /// whose try lapsed while its book's Redis stalled said "waiting for an agent" for as long as
    /// the alert stayed open. (A desk that dies in between forgets it, as it does a move to settle:
    /// the card is then put right by the try's hand-over, a report or the alert's close.)
    /// </summary>
    private async Task TellQueuedAlertAsync(OutreachPrompt prompt, AlertAction action)
    {
        try
        {
            await TellAsync(prompt, action);
        }
        catch (Exception e) when (e is not ScopeClaimedElsewhereException)
        {
            _logger.LogWarning(e, "Prompt {PromptId} {Moved} in the queue, but its alert could not be told now; telling it again in 10 s", prompt.Id, action.TryLapsed ? "lapsed" : "waits for an agent");
            _toTell[prompt.Id] = action;
            ArmUndone();
        }
    }

    private async Task TellAsync(OutreachPrompt prompt, AlertAction action)
    {
        await GrainFactory.Ref<IAlertBookGrain>(Partition).ActAsync(prompt.AlertId, action);
        _toTell.Remove(prompt.Id);
    }

    /// <summary>Words to alerts of tries in the queue that could not be told (<see cref="TellQueuedAlertAsync"/>), by prompt.</summary>
    private readonly Dictionary<string, AlertAction> _toTell = new(StringComparer.Ordinal);

    /// <summary>
    /// Tells a queued try's alert again what could not be told, while it is still true: the try is
    /// still its alert's latest and, for "waits", still waits, and its alert still names the agent of
    /// the try before (or nobody). A word told late must not undo what came after it: the try handed
    /// to an agent, another try queued, a supervisor's assignment whose move of the prompt failed.
    /// </summary>
    private async Task TellAgainAsync(string promptId, AlertAction action)
    {
        var prompt = _prompts.ById.GetValueOrDefault(promptId);
        var latest = prompt is null ? null : _prompts.LatestFor(prompt.AlertId);
        var stillTrue = latest?.Prompt.Id == promptId && (action.TryLapsed || prompt is { IsPending: true, AgentId: null });
        if (stillTrue && !action.TryLapsed
            && await GrainFactory.Ref<IAlertBookGrain>(Partition).GetAsync(prompt!.AlertId) is var alert
            && (alert is not { IsOpen: true, AwaitingAgentSince: null } || (alert.AssignedTo is { } holder && holder != _prompts.EarlierAgent(alert.Id, latest!.Value.Attempt))))
        {
            stillTrue = false; // closed, already said to wait, or someone else's now
        }

        if (!stillTrue)
        {
            _toTell.Remove(promptId);
            return;
        }

        await TellAsync(prompt!, action); // a failure leaves it for the next tick
    }

    public async Task<QueuedHandOut> AssignQueuedAsync(string promptId, string agentId)
    {
        if (!_prompts.ById.TryGetValue(promptId, out var queued) || queued is not { IsPending: true, AgentId: null }
            || _options.Agents.FirstOrDefault(a => a.Id == agentId) is not { } agent)
        {
            return QueuedHandOut.Gone;
        }

        if (!await Load(agentId).TryTakeAsync(promptId, agent.Capacity ?? _options.Capacity))
        {
            return QueuedHandOut.Full;
        }

        var prompt = Number(queued with { AgentId = agentId });
        _prompts.Update(prompt);
        await SaveAsync();
        await HandOverAsync(prompt, agentId);
        return QueuedHandOut.Assigned;
    }

    /// <summary>A minute check while prompts have a time-to-live: stale ones are withdrawn and their slots freed.</summary>
    private void KeepTime()
    {
        if (_ttlTimer is null && _prompts.ById.Values.Any(p => p is { IsPending: true, ExpiresAt: not null }))
        {
            _ttlTimer = this.RegisterGrainTimer(ExpireStaleAsync, new GrainTimerCreationOptions(StaleCheckEvery, StaleCheckEvery) { KeepAlive = true });
        }
    }

    internal static readonly TimeSpan StaleCheckEvery = TimeSpan.FromMinutes(1);
    private IGrainTimer? _ttlTimer;

    public async Task ExpireStaleAsync(CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        var stale = _prompts.ById.Values.Where(p => p.IsPending && p.ExpiresAt <= now).ToList();
        foreach (var prompt in stale)
        {
            _prompts.Update(Number(Withdrawn(prompt, new PromptWithdrawal(WithdrawalReason.MomentPassed), now)));
        }

        if (stale.Count > 0)
        {
            _prompts.Trim(_options.ReportedKept);
            await SaveAsync();
            await AfterLeavingAsync(stale);
            foreach (var lapsed in stale.Where(p => p.AgentId is null && p.Id != OutreachState.PromptId(p.AlertId, 1)))
            {
                await LapseAsync(lapsed);
            }
        }

        if (!_prompts.ById.Values.Any(p => p is { IsPending: true, ExpiresAt: not null }))
        {
            _ttlTimer?.Dispose();
            _ttlTimer = null;
        }
    }

    /// <summary>Prompts that left their agent's queue: the console hears of it, the slot is freed.</summary>
    private async Task AfterLeavingAsync(IEnumerable<OutreachPrompt> gone)
    {
        var feed = GrainFactory.Ref<IAlertFeedGrain>(Partition);
        foreach (var prompt in gone.Where(p => p.AgentId is not null))
        {
            await PublishAsync(_prompts.ById.GetValueOrDefault(prompt.Id) ?? prompt); // the console takes it off the agent's queue
            await Load(prompt.AgentId!).ReleaseAsync(prompt.Id);
        }
    }

    private IAgentLoadGrain Load(string agentId) => GrainFactory.Ref<IAgentLoadGrain>(agentId);

    /// <summary>
    /// A pending prompt learns what its customer's alert learned since (a folded condition: evidence,
    /// a worse severity, fresher words) and the customer's current score, and is pushed to its agent
    /// again in place; nothing changes for a prompt already reported or withdrawn, or a replay.
    /// </summary>
    private async Task EnrichAsync(OutreachPrompt prompt, Alert alert)
    {
        if (!prompt.IsPending)
        {
            return;
        }

        var severity = alert.Severity > prompt.Severity ? alert.Severity : prompt.Severity;
        var also = prompt.Also.Union(alert.Folded).Union(alert.Id == prompt.AlertId ? [] : [alert.RuleId]).Where(r => r != prompt.RuleId).ToImmutableArray();
        // Its own alert seen again says it in fresher words ("4 failed lookups in 5 min"): the prompt
        // says what the alert says. The channel stays the one the prompt went by.
        var reworded = alert.Id == prompt.AlertId && (alert.Title != prompt.Why || alert.Detail != prompt.Detail);
        if (severity == prompt.Severity && also.Length == prompt.Also.Length && !reworded)
        {
            return; // a replay: nothing new
        }

        var customer = await GrainFactory.Ref<ICustomerGrain>(prompt.CustomerId).GetSnapshotAsync();
        var words = !reworded ? prompt : prompt with
        {
            Why = alert.Title,
            Detail = alert.Detail,
            Wording = alert.SuggestedAction?.Wording ?? prompt.Wording,
            Context = alert.SuggestedAction?.Context ?? prompt.Context,
            Translations = alert.Translations,
        };
        // Numbered last (ChangeAsync): the change is published as numbered, and a console that had the
        // words before the rewording took the new number with the old words, and kept them to the end.
        await ChangeAsync(words with
        {
            Severity = severity,
            Also = also,
            // A condition its alert took in that a call does not clear (an experience drop) keeps it open
            // after one; another alert's condition the prompt takes on leaves its own alert as it was.
            ContactResolves = prompt.ContactResolves && (alert.Id != prompt.AlertId || CustomerDetectors.ContactResolves(alert.RuleId, alert.Folded)),
            ExpiresAt = LongerMoment(prompt, also, _time.GetUtcNow()),
            Timeline = [.. customer.Timeline.Take(_options.TimelineInPrompt)],
            ExperienceScore = customer.ExperienceScore,
        });
    }

    public Task SnoozedAsync(ImmutableArray<Alert> alerts) =>
        HeldScope.OneWayAsync(() => SnoozedNowAsync(alerts), () => this.AsReference<IOutreachDeskGrain>().SnoozedAsync(alerts)); // one-way: a refused write is sent on

    /// <summary>
    /// A pending prompt takes its alert's snooze, and nothing else: offered as a new change, a snooze
    /// made a prompt for an alert whose tries had been trimmed (and took it from the agent who held
    /// it), or put the alert's rule on the customer's other prompt. One-way calls keep no order: an
    /// older change of the alert (by its number) than one already taken is passed over.
    /// </summary>
    private async Task SnoozedNowAsync(ImmutableArray<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            if (alert.Sequence <= _snoozesTaken.GetValueOrDefault(alert.Id))
            {
                continue;
            }

            _snoozesTaken[alert.Id] = alert.Sequence;
            if (_prompts.LatestFor(alert.Id)?.Prompt is { IsPending: true } prompt && prompt.AlertSnoozedUntil != alert.SnoozedUntil)
            {
                await ChangeAsync(prompt with { AlertSnoozedUntil = alert.SnoozedUntil });
            }
        }
    }

    /// <summary>A prompt changed: numbered, written, then told to its agent (if it has one).</summary>
    private async Task ChangeAsync(OutreachPrompt prompt, string? reassignedFrom = null)
    {
        var changed = Number(prompt, reassignedFrom);
        _prompts.Update(changed);
        await SaveAsync();
        if (changed.AgentId is not null)
        {
            await PublishAsync(changed);
        }
    }

    /// <summary>
    /// A condition taken on keeps the prompt worth a call as long as its own rule would: a detractor
    /// folded into failed searches is worth a call for 2 days, not the searches' 30 minutes (the
    /// prompt went stale while its alert stayed open for the detractor). One whose rule has no
    /// time-to-live keeps it until the alert closes.
    /// </summary>
    private DateTimeOffset? LongerMoment(OutreachPrompt prompt, ImmutableArray<string> also, DateTimeOffset now)
    {
        var expires = prompt.ExpiresAt;
        foreach (var rule in also.Except(prompt.Also))
        {
            if (expires is null || !_options.TimeToLive.TryGetValue(rule, out var ttl))
            {
                return null;
            }

            expires = now + ttl > expires ? now + ttl : expires;
        }

        return expires;
    }

    public Task WithdrawAsync(ImmutableArray<Alert> leaving) =>
        HeldScope.OneWayAsync(() => WithdrawNowAsync(leaving), () => this.AsReference<IOutreachDeskGrain>().WithdrawAsync(leaving)); // one-way: a refused write is sent on

    private async Task WithdrawNowAsync(ImmutableArray<Alert> leaving)
    {
        var withdrawn = new List<OutreachPrompt>();
        foreach (var alert in leaving)
        {
            var latest = _prompts.LatestFor(alert.Id)?.Prompt;
            if (latest is { IsFollowingUp: true })
            {
                // Reached, then closed without the agent's word on how it ended: off their follow-ups.
                withdrawn.Add(Number(latest with { AlertClosed = WithdrawalOf(alert) }));
                _prompts.Update(withdrawn[^1]);
                continue;
            }

            if (latest is not { IsPending: true } prompt)
            {
                continue; // never offered, or already reported (an agent's report is what closed it)
            }

            prompt = Number(Withdrawn(prompt, WithdrawalOf(alert), _time.GetUtcNow()));
            _prompts.Update(prompt);
            withdrawn.Add(prompt);
        }

        if (withdrawn.Count == 0)
        {
            return;
        }

        _prompts.Trim(_options.ReportedKept);
        await SaveAsync();
        await AfterLeavingAsync(withdrawn);
    }

    private static PromptWithdrawal WithdrawalOf(Alert alert) => IncidentHold.Holds(alert)
        ? new(WithdrawalReason.JoinedIncident, "system", Touchpoint: alert.Touchpoint)
        : alert.History is [.., var last]
            ? new(WithdrawalReason.AlertResolved, last.By, alert.Outcome, Note: last.Said)
            : new(WithdrawalReason.AlertResolved, null, alert.Outcome);

    /// <summary>Taken back, saying why both ways: as data for pages to word, and in English.</summary>
    private static OutreachPrompt Withdrawn(OutreachPrompt prompt, PromptWithdrawal withdrawal, DateTimeOffset at) =>
        prompt with { WithdrawnAt = at, Withdrawal = withdrawal, WithdrawnBecause = withdrawal.InEnglish() };

    public async Task<AlertActionResult> AssignAsync(string alertId, AlertAction assign)
    {
        var result = await GrainFactory.Ref<IAlertBookGrain>(Partition).ActAsync(alertId, assign with { AgentName = assign.AgentId is { } id ? NameOf(id) : null });
        if (result is { Succeeded: true, Alert: { } assigned } && assign.AgentId is { } agentId)
        {
            try
            {
                await ReassignAsync(assigned.Id, agentId); // the prompt follows its alert
            }
            catch (Exception e) when (e is not ScopeClaimedElsewhereException && _prompts.LatestFor(assigned.Id)?.Prompt is { } apart && (apart.IsPending || apart.IsFollowingUp))
            {
                SettleSoon(apart.Id); // the alert moved, its prompt not yet: it follows on the timer
                throw;
            }
        }

        return result;
    }

    /// <summary>The agent's name in the roster (the history names people as the pages do), or null for an id the roster does not know.</summary>
    private string? NameOf(string agentId) => _options.Agents.FirstOrDefault(a => a.Id == agentId)?.Name;

    public async Task ReassignAsync(string alertId, string agentId)
    {
        if (_prompts.LatestFor(alertId)?.Prompt is not { } prompt || !(prompt.IsPending || prompt.IsFollowingUp) || prompt.AgentId == agentId)
        {
            return;
        }

        if (prompt.IsFollowingUp)
        {
            // Reached already (contacted): how it ends is the new agent's to record. It takes no
            // slot: the call is made. (It stayed with the first agent, and the new one never heard of it.)
            await ChangeAsync(prompt with { AgentId = agentId }, reassignedFrom: prompt.AgentId);
            return;
        }

        // A supervisor's choice is not refused for capacity: the slot is taken whatever the count.
        await Load(agentId).TryTakeAsync(prompt.Id, int.MaxValue);
        var moved = Number(prompt with { AgentId = agentId }, reassignedFrom: prompt.AgentId);
        _prompts.Update(moved);
        await SaveAsync();
        if (prompt.AgentId is { } previous)
        {
            await Load(previous).ReleaseAsync(prompt.Id);
        }

        await PublishAsync(moved);
    }

    public Task<OutreachPrompt?> GetAsync(string promptId) => Task.FromResult(_prompts.ById.GetValueOrDefault(promptId));

    public Task<ImmutableArray<OutreachPrompt>> ListAsync(string? agentId, bool pendingOnly) =>
        Task.FromResult(_prompts.NewestFirst().Where(p => p.AgentId == agentId && (!pendingOnly || p.IsPending)).ToImmutableArray());

    public Task<ImmutableArray<OutreachPrompt>> FollowingAsync(string agentId) =>
        Task.FromResult(_prompts.NewestFirst().Where(p => p.AgentId == agentId && p.IsFollowingUp).ToImmutableArray());

    public async Task<OutreachReport> ReportAsync(string promptId, OutreachResult result, string? note)
    {
        // A withdrawn prompt its agent reports anyway: the call was made before the word reached them
        // (the supervisor closed the alert mid-call, its moment passed, an outage took it in). It was
        // refused, and a contact that happened never reached the customer's journey. It is recorded as
        // any report (an alert still open moves; a closed one refuses the move and stays as it ended).
        var late = _prompts.ById.TryGetValue(promptId, out var prompt) && prompt is { WithdrawnAt: not null, Result: null, AgentId: not null };
        // A call that reached the customer (contacted) and ended later: how it ended closes the alert.
        // Without it, only a supervisor could close an alert its agent had reached and then settled.
        var closing = prompt is { IsFollowingUp: true, AgentId: not null } && result is OutreachResult.Resolved or OutreachResult.Declined;
        if (prompt is null || !(prompt.IsPending || late || closing))
        {
            // The same outcome again is the agent trying again after "not confirmed" (storage was not
            // answering, the desk kept her report): recorded, not "settled before your report arrived".
            return prompt is { Result: { } reported } && reported == result && prompt.Note == note
                ? new OutreachReport(prompt, Reported: true)
                : new OutreachReport(prompt, Reported: false);
        }

        if (closing && _prompts.FollowUps.TryGetValue(promptId, out var unfinished))
        {
            // The call's own report is still to reach the alert and her journey (its save or a call
            // failed): done first, or the closing report would take its place, and its interaction and
            // the first agent's slot would be lost. Failing, the agent is told "not confirmed".
            await FollowUpAsync(unfinished);
        }

        prompt = Number(prompt with
        {
            Result = result,
            ReportedAt = _time.GetUtcNow(),
            Note = note,
            ContactedAt = closing ? prompt.ReportedAt : null,
            ReachedBy = result == OutreachResult.Contacted ? prompt.AgentId : prompt.ReachedBy,
        });
        _prompts.Update(prompt);
        _prompts.FollowUp(prompt);
        _prompts.Trim(_options.ReportedKept);
        try
        {
            await SaveAsync(); // an agent's report must not be lost, nor what it still has to do
            return new OutreachReport(prompt, Reported: true, await FollowUpAsync(prompt));
        }
        catch
        {
            // The report stands (it is in memory, and the agent was told it may have been made):
            // saving it and its follow-up are done again until they succeed. With the save failing
            // (Redis down), nothing came back to it: the alert stayed open, assigned to an agent with
            // no prompt, until the desk happened to be activated again.
            ArmUndone();
            throw;
        }
    }

    /// <summary>
    /// Frees the agent's slot, moves the alert and records the <c>outreach</c> interaction on the
    /// customer, then forgets the follow-up (and saves what is unsaved, the report among it). Safe to do again: the alert refuses a move it already made (and keeps a report's words once), the customer skips an
    /// id it has. The customer is written before the answer, so an answered report's interaction is
    /// kept even in Redis mode, where it does not pass through the stream (docs/alerts.md).
    /// </summary>
    private async Task<Alert?> FollowUpAsync(OutreachPrompt reported)
    {
        if (reported.AgentId is { } agent)
        {
            await Load(agent).ReleaseAsync(reported.Id); // their next waiting prompt comes from the queue (releasing twice is nothing)
        }

        // The alert first, so its history carries the agent's words; then the outreach joins the
        // customer's journey (where a successful one may clear the rule, which then finds it closed).
        var book = GrainFactory.Ref<IAlertBookGrain>(Partition);
        var action = OutreachFollowUp.ActionOf(reported);
        var moved = await book.ActAsync(reported.AlertId, action);
        if (action.Kind == AlertActionKind.Report && moved is { Succeeded: false, NotFound: false, Alert.State: not AlertState.Resolved })
        {
            // Only a partition on a silo not yet upgraded refuses a report on an unresolved alert (it
            // does not know the action, during a rolling upgrade): it knows an acknowledge.
            moved = await book.ActAsync(reported.AlertId, action with { Kind = AlertActionKind.Acknowledge });
        }

        var interaction = OutreachFollowUp.InteractionOf(reported);
        var customer = GrainFactory.Ref<ICustomerGrain>(reported.CustomerId);
        var recorded = await customer.RecordAsync([interaction]);
        await customer.CheckpointAsync();
        if (recorded.Accepted > 0)
        {
            // Counted like ingestion counts it: only when the customer took it as new.
            await GrainFactory.Ref<ITouchpointGrain>(interaction.Touchpoint).RecordAsync([interaction], consumer: null);
        }

        _prompts.FollowedUp(reported.Id);
        await SaveAsync();
        return moved.Alert;
    }

    /// <summary>A follow-up against its alert: off the list when the alert closed (or an outage took it in), with the alert's agent when a supervisor moved it.</summary>
    private async Task SettleFollowUpAsync(OutreachPrompt followed)
    {
        if (_prompts.LatestFor(followed.AlertId)?.Prompt.Id != followed.Id
            || await GrainFactory.Ref<IAlertBookGrain>(Partition).GetAsync(followed.AlertId) is not { } alert)
        {
            return; // an alert the book no longer keeps closed long ago; the follow-up ends when its own word comes, or is trimmed
        }

        if (alert.State == AlertState.Resolved || IncidentHold.Holds(alert))
        {
            await WithdrawNowAsync([alert]);
        }
        else if (alert.AssignedTo is { } holder && holder != followed.AgentId)
        {
            await ReassignAsync(alert.Id, holder);
        }
    }

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(1);
    private IGrainTimer? _undoneTimer;

    /// <summary>Prompts whose alert may name another agent, or none (<see cref="SettleAsync"/>).</summary>
    private readonly HashSet<string> _toSettle = new(StringComparer.Ordinal);

    /// <summary>One of the two writes of a prompt's move failed: brought together on the timer, from a second on.</summary>
    private void SettleSoon(string promptId)
    {
        _toSettle.Add(promptId);
        ArmUndone(SettleAfter);
    }

    /// <summary>
    /// What a failure or a desk that died mid-way left undone (follow-ups of reports, words to the
    /// alerts of queued tries, prompts apart from their alerts) is done on a timer, every 10 s until none is left.
    /// </summary>
    private void ArmUndone(TimeSpan? due = null) =>
        _undoneTimer ??= this.RegisterGrainTimer(FinishUndoneAsync, new GrainTimerCreationOptions(due ?? RetryEvery, RetryEvery) { KeepAlive = true });

    private async Task FinishUndoneAsync(CancellationToken cancellation)
    {
        // A report whose save failed is stored before anything hears of it (the alert, the agent's
        // slot): a silo dying in between must not leave the alert moved and the prompt still pending.
        await SaveAsync();
        Exception? failed = null;
        foreach (var reported in _prompts.FollowUps.Values.ToList())
        {
            await LeftForLater(() => FollowUpAsync(reported));
        }

        foreach (var (promptId, action) in _toTell.ToList())
        {
            await LeftForLater(() => TellAgainAsync(promptId, action));
        }

        foreach (var promptId in _toSettle.ToList())
        {
            await LeftForLater(async () =>
            {
                await SettleAsync(promptId);
                _toSettle.Remove(promptId);
            });
        }

        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed); // the timer stays armed; Orleans logs it
        }

        _undoneTimer?.Dispose();
        _undoneTimer = null;

        async Task LeftForLater(Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                failed ??= e; // left for the next tick; one that keeps failing must not hold back the others
            }
        }
    }

    /// <summary>
    /// Brings a pending prompt and its alert to name the same agent. The desk writes a prompt, then
    /// assigns its alert; a supervisor's move writes the alert, then the prompt. Which one is behind:
    /// an alert that names nobody, or still the agent of the alert's earlier try, missed the desk's
    /// hand-over (the prompt's agent stands); one that names anybody else is a supervisor's choice
    /// (the prompt follows it). A prompt whose alert closed or joined an outage is withdrawn.
    /// </summary>
    private async Task SettleAsync(string promptId)
    {
        if (_prompts.ById.GetValueOrDefault(promptId) is { IsFollowingUp: true } followed)
        {
            await SettleFollowUpAsync(followed);
            return;
        }

        if (_prompts.ById.GetValueOrDefault(promptId) is not { IsPending: true, AgentId: { } agentId } prompt
            || _prompts.LatestFor(prompt.AlertId) is not ({ } latest, var attempt) || latest.Id != promptId
            || await GrainFactory.Ref<IAlertBookGrain>(Partition).GetAsync(prompt.AlertId) is not { } alert)
        {
            return;
        }

        if (alert.AssignedTo == agentId)
        {
            if (prompt.ReassignedFrom is { } from && from != agentId)
            {
                await Load(from).ReleaseAsync(prompt.Id); // a move whose save failed after the prompt changed: the slot it left (releasing twice is nothing)
            }

            return;
        }

        // An earlier try trimmed away (Outreach:ReportedKept) leaves no agent to compare: a later
        // try's alert is then taken to be behind, as the desk's hand-over is the likelier write lost.
        var earlier = _prompts.EarlierAgent(alert.Id, attempt);
        if (alert.State == AlertState.Resolved || IncidentHold.Holds(alert))
        {
            await WithdrawNowAsync([alert]);
        }
        else if (alert.AssignedTo is null || alert.AssignedTo == earlier || (earlier is null && attempt > 1))
        {
            await AssignAlertAsync(prompt, agentId);
        }
        else
        {
            await ReassignAsync(alert.Id, alert.AssignedTo);
        }
    }

    public Task<ImmutableArray<Agent>> AgentsAsync() =>
        Task.FromResult(_options.Agents.Select(a => new Agent(a.Id, a.Name ?? a.Id, [.. a.EffectiveSkills], _prompts.Pending(a.Id), a.Capacity ?? _options.Capacity)).ToImmutableArray());

    /// <summary>Writes the prompts that changed, before the agent or the alert hears of them.</summary>
    private async Task SaveAsync()
    {
        await _held.WriteChangedAsync(_prompts.Dirty, () => _records.TakeChanges(_prompts));
        foreach (var prompt in _unpublished.ToList())
        {
            await PublishAsync(prompt); // every numbered change, so web servers see no false gap; only an agent's reaches a console
        }

        _unpublished.Clear();
        if (_prompts.Unassigned != _reportedUnassigned)
        {
            ReportUnassignedSoon();
        }
    }

    private int _reportedUnassigned = -1;
    private IGrainTimer? _unassignedTimer;

    /// <summary>The walls count the prompts waiting for an agent: told at most once a second, one-way, however many changed.</summary>
    private void ReportUnassignedSoon() =>
        _unassignedTimer ??= this.RegisterGrainTimer(ReportUnassignedAsync, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

    private async Task ReportUnassignedAsync()
    {
        _unassignedTimer?.Dispose();
        _unassignedTimer = null;
        if (this.HostIsStopping())
        {
            return; // the next activation reports its count as it starts
        }

        _reportedUnassigned = _prompts.Unassigned;
        await GrainFactory.Ref<IWallStatsGrain>(0).ReportUnassignedAsync(Partition, _reportedUnassigned);
    }

    public Task<int> UnassignedAsync() => Task.FromResult(_prompts.Unassigned);

    /// <summary>Publishes a numbered prompt change once (a later, explicit publish of the same change is skipped).</summary>
    private async Task PublishAsync(OutreachPrompt prompt)
    {
        if (prompt.Sequence <= _published)
        {
            return;
        }

        await GrainFactory.Ref<IAlertFeedGrain>(Partition).PublishPromptAsync(prompt);
        _published = prompt.Sequence;
    }

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

    private int Partition => (int)this.GetPrimaryKeyLong();

    /// <summary>Every prompt change takes the next number of this desk's sequence (see <see cref="OutreachPrompt.Sequence"/>).</summary>
    private OutreachPrompt Number(OutreachPrompt prompt, string? reassignedFrom = null)
    {
        var numbered = prompt with { Partition = Partition, Sequence = ++_prompts.Sequence, ReassignedFrom = reassignedFrom };
        _unpublished.Add(numbered);
        return numbered;
    }
}
