using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using Orleans.Concurrency;

namespace CxLive.Contracts.Agents;

/// <summary>
/// The outreach desk of one alert partition (key: the partition): turns that partition's new customer alerts into prompts, routes each to an
/// agent with the skill (the least loaded, by default) and keeps them until the agent reports or the alert closes.
/// </summary>
[Alias("CxLive.Agents.IOutreachDeskGrain")]
public interface IOutreachDeskGrain : IGrainWithIntegerKey
{
    /// <summary>One-way: the alert book hands over new alerts and never waits for routing.</summary>
    [OneWay]
    Task OfferAsync(ImmutableArray<Alert> alerts);

    /// <summary>
    /// One-way: the alert book hands over customer alerts that closed, or that an outage's incident
    /// took in; their pending prompts are withdrawn (and pushed to the agent's console again) so
    /// nobody calls about a settled issue, or about an outage before its cause is known.
    /// </summary>
    [OneWay]
    Task WithdrawAsync(ImmutableArray<Alert> leaving);

    /// <summary>
    /// One-way: customer alerts snoozed, or open again (the snooze ended, was acknowledged away, or a
    /// worse condition ended it): their pending prompts say until when, and nothing else changes.
    /// </summary>
    [OneWay]
    Task SnoozedAsync(ImmutableArray<Alert> alerts);

    /// <summary>The queue hands a waiting prompt of this desk to an agent with a free slot.</summary>
    Task<QueuedHandOut> AssignQueuedAsync(string promptId, string agentId);

    /// <summary>
    /// A person assigns the alert to an agent: the alert's book moves it, then its pending prompt
    /// follows (the agent's slot, their console), before the answer. Through the desk, not the book,
    /// because the desk waits on its book (routing, reports) and the book never waits on its desk.
    /// </summary>
    Task<AlertActionResult> AssignAsync(string alertId, AlertAction assign);

    /// <summary>
    /// The alert was assigned to another agent: its pending prompt moves with it. What a web tier of
    /// the previous version calls after assigning, so kept while silos of two versions may talk
    /// (docs/operations.md, "Upgrading"); this version's assignments use <see cref="AssignAsync"/>.
    /// </summary>
    Task ReassignAsync(string alertId, string agentId);

    Task<OutreachPrompt?> GetAsync(string promptId);

    /// <summary>Prompts of one agent (or, with null, those no agent could take), newest first.</summary>
    Task<ImmutableArray<OutreachPrompt>> ListAsync(string? agentId, bool pendingOnly);

    /// <summary>One agent's follow-ups (<see cref="OutreachPrompt.IsFollowingUp"/>), newest first: what the console reads on every load, without the agent's reported prompts.</summary>
    Task<ImmutableArray<OutreachPrompt>> FollowingAsync(string agentId);

    /// <summary>
    /// Records the outcome, then follows it up: moves the alert (resolved, declined: resolve;
    /// otherwise acknowledge, by <c>agent:&lt;id&gt;</c>) and records an <c>outreach</c> interaction
    /// on the customer. After <c>contacted</c>, a second report (resolved or declined) says how it
    /// ended; a withdrawn prompt its agent held may still be reported. Any other prompt already
    /// reported or withdrawn is returned unchanged, not reported.
    /// </summary>
    Task<OutreachReport> ReportAsync(string promptId, OutreachResult result, string? note);

    Task<ImmutableArray<Agent>> AgentsAsync();

    /// <summary>Prompt changes after <paramref name="after"/> (of one agent, or all with null; at most <paramref name="limit"/>): how a console that missed pushes catches up.</summary>
    Task<PromptCatchUp> PromptsAfterAsync(long after, string? agentId, int limit);

    /// <summary>The number of the last prompt change this desk has published (interleaves: it reads one number).</summary>
    [AlwaysInterleave]
    Task<long> PublishedAsync();

    /// <summary>How many of this desk's pending prompts no agent holds (interleaves: it reads one number).</summary>
    [AlwaysInterleave]
    Task<int> UnassignedAsync();
}
