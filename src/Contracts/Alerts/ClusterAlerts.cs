using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// The whole cluster's alerts, incidents, silences and prompts, as the APIs, the pages and tests
/// see them: a call about one alert, incident or prompt goes to the partition its id names; a
/// query asks every partition at once and merges their answers in one stable order. Cheap to
/// create (it holds only the grain factory and the partition count).
/// </summary>
public sealed class ClusterAlerts(IGrainFactory grains, int partitions)
{
    public int Partitions { get; } = partitions > 0 ? partitions : throw new ArgumentOutOfRangeException(nameof(partitions), "Alerts:Partitions must be at least 1");

    public IEnumerable<int> All => Enumerable.Range(0, Partitions);

    public IAlertBookGrain Book(int partition) => grains.Ref<IAlertBookGrain>(partition);

    public IAlertBookGrain BookOfCustomer(string customerId) => Book(AlertPartitions.Of(customerId, Partitions));

    public IAlertBookGrain BookOfTouchpoint(string touchpoint) => Book(AlertPartitions.Of(touchpoint, Partitions));

    public IOutreachDeskGrain Desk(int partition) => grains.Ref<IOutreachDeskGrain>(partition);

    public IAlertFeedGrain Feed(int partition) => grains.Ref<IAlertFeedGrain>(partition);

    public IAlertDirectoryGrain Directory => grains.Ref<IAlertDirectoryGrain>(0);

    /// <summary>The partition an id names, if it is one of this cluster's.</summary>
    public int? PartitionOf(string id) => AlertPartitions.OfId(id) is { } p && p < Partitions ? p : null;

    public async Task<Alert?> GetAsync(string alertId) =>
        PartitionOf(alertId) is { } p ? await Book(p).GetAsync(alertId) : null;

    /// <summary>Newest first (raise time, then id) across every partition, from the cursor on; a customer's alerts are asked of their partition alone.</summary>
    public async Task<ImmutableArray<Alert>> QueryAsync(AlertQuery query)
    {
        if (query.CustomerId is { } customer)
        {
            return await BookOfCustomer(customer).QueryAsync(query);
        }

        var pages = await Task.WhenAll(All.Select(p => Book(p).QueryAsync(query)));
        return [.. pages.SelectMany(page => page).OrderByDescending(AlertPosition.Of).Take(query.Limit)];
    }

    /// <summary>An action on an alert, at its partition; an assignment goes through the partition's desk, which moves the alert's pending prompt with it.</summary>
    public async Task<AlertActionResult> ActAsync(string alertId, AlertAction action) => PartitionOf(alertId) switch
    {
        null => new AlertActionResult(null, null, NotFound: true),
        { } p when action.Kind == AlertActionKind.Assign => await Desk(p).AssignAsync(alertId, action),
        { } p => await Book(p).ActAsync(alertId, action),
    };

    public async Task<WallStats> StatsAsync(DateTimeOffset now)
    {
        var figures = Task.WhenAll(All.Select(p => Book(p).FiguresAsync()));
        var unassigned = Task.WhenAll(All.Select(UnassignedAsync));
        return PartitionFigures.Sum(await figures, now) with { PromptsWaiting = (await unassigned).Sum(count => count ?? 0) };
    }

    /// <summary>
    /// How many of a desk's pending prompts no agent holds; null when the desk cannot say: on a silo
    /// of the version before it could (during a rolling upgrade), or on one going away. The count is
    /// a figure on the wall: it must not cost the whole stats read.
    /// </summary>
    public async Task<int?> UnassignedAsync(int partition)
    {
        try
        {
            return await Desk(partition).UnassignedAsync();
        }
        catch (Exception)
        {
            return null;
        }
    }

    public async Task<ImmutableArray<Incident>> IncidentsAsync(bool openOnly)
    {
        var lists = await Task.WhenAll(All.Select(p => Book(p).IncidentsAsync(openOnly)));
        return [.. lists.SelectMany(list => list).OrderByDescending(i => i.OpenedAt)];
    }

    /// <summary>The incidents, open or resolved, of these touchpoints: asked of their partitions alone (none: no call).</summary>
    public async Task<ImmutableArray<Incident>> IncidentsAtAsync(IReadOnlyCollection<string> touchpoints)
    {
        if (touchpoints.Count == 0)
        {
            return [];
        }

        var partitions = touchpoints.Select(t => AlertPartitions.Of(t, Partitions)).Distinct();
        var lists = await Task.WhenAll(partitions.Select(p => Book(p).IncidentsAsync(openOnly: false)));
        return [.. lists.SelectMany(list => list).Where(i => touchpoints.Contains(i.Touchpoint))];
    }

    public async Task<Incident?> GetIncidentAsync(string incidentId) =>
        PartitionOf(incidentId) is { } p ? await Book(p).GetIncidentAsync(incidentId) : null;

    public async Task<Incident?> ResolveIncidentAsync(string incidentId, string by, string? note = null) =>
        PartitionOf(incidentId) is not { } p ? null
        : note is null ? await Book(p).ResolveIncidentAsync(incidentId, by) // what a silo of the previous version also takes
        : await Book(p).ResolveIncidentAsync(incidentId, by, note);

    public async Task<OutreachPrompt?> GetPromptAsync(string promptId) =>
        PartitionOf(promptId) is { } p ? await Desk(p).GetAsync(promptId) : null;

    /// <summary>An agent's outcome, in one call to the prompt's desk: the prompt reported, its alert moved, the <c>outreach</c> interaction on the customer.</summary>
    public async Task<OutreachReport> ReportAsync(string promptId, OutreachResult result, string? note) =>
        PartitionOf(promptId) is { } p ? await Desk(p).ReportAsync(promptId, result, note) : new OutreachReport(null, Reported: false);

    /// <summary>One agent's prompts (or, with null, those no agent could take) from every desk, newest first.</summary>
    public async Task<ImmutableArray<OutreachPrompt>> PromptsAsync(string? agentId, bool pendingOnly)
    {
        var lists = await Task.WhenAll(All.Select(p => Desk(p).ListAsync(agentId, pendingOnly)));
        return [.. lists.SelectMany(list => list).OrderByDescending(prompt => prompt.CreatedAt).ThenByDescending(prompt => prompt.Id, StringComparer.Ordinal)];
    }

    /// <summary>One agent's follow-ups over every desk, newest first.</summary>
    public async Task<ImmutableArray<OutreachPrompt>> FollowingAsync(string agentId)
    {
        var lists = await Task.WhenAll(All.Select(async p =>
        {
            try
            {
                return await Desk(p).FollowingAsync(agentId);
            }
            catch (Exception)
            {
                // A desk on a silo of the version before (a rolling upgrade) does not know the call:
                // its whole list, filtered here. A desk that cannot answer fails this read too.
                return [.. (await Desk(p).ListAsync(agentId, pendingOnly: false)).Where(prompt => prompt.IsFollowingUp)];
            }
        }));
        return [.. lists.SelectMany(list => list).OrderByDescending(prompt => prompt.CreatedAt).ThenByDescending(prompt => prompt.Id, StringComparer.Ordinal)];
    }

    /// <summary>The agents' names by id, from one desk: every desk reads the same roster.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AgentNamesAsync() =>
        (await Desk(0).AgentsAsync()).ToDictionary(agent => agent.Id, agent => agent.Name, StringComparer.Ordinal);

    /// <summary>The agents, each with their pending prompts counted over every desk.</summary>
    public async Task<ImmutableArray<Agent>> AgentsAsync()
    {
        var desks = await Task.WhenAll(All.Select(p => Desk(p).AgentsAsync()));
        return [.. desks[0].Select(agent => agent with { Pending = desks.Sum(desk => desk.FirstOrDefault(a => a.Id == agent.Id)?.Pending ?? 0) })];
    }
}
