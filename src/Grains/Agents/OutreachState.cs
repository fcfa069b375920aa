using CxLive.Contracts.Agents;

namespace CxLive.Grains.Agents;

/// <summary>Every prompt a desk keeps, newest last, stored a record per prompt (<see cref="DeskRecords"/>).</summary>
public sealed class OutreachState
{
    public Dictionary<string, OutreachPrompt> ById { get; set; } = new(StringComparer.Ordinal);
    public List<string> Order { get; set; } = [];

    public int NextInTurn
    {
        get;
        set
        {
            field = value;
            Dirty.Add(DeskRecords.TurnRecord);
        }
    }

    /// <summary>The number of this desk's latest prompt change.</summary>
    public long Sequence
    {
        get;
        set
        {
            field = value;
            Dirty.Add(DeskRecords.SequenceRecord);
        }
    }

    /// <summary>
    /// Reported prompts whose alert and customer have not heard of the report yet, as reported.
    /// Stored with the report and removed once both have: a desk that died in between finishes
    /// them when it comes back, so no report's outreach interaction is lost.
    /// </summary>
    public Dictionary<string, OutreachPrompt> FollowUps { get; } = new(StringComparer.Ordinal);

    public void FollowUp(OutreachPrompt reported)
    {
        FollowUps[reported.Id] = reported;
        Dirty.Add(DeskRecords.FollowUpRecord(reported.Id));
    }

    public void FollowedUp(string promptId)
    {
        if (FollowUps.Remove(promptId))
        {
            Dirty.Add(DeskRecords.FollowUpRecord(promptId));
        }
    }

    /// <summary>Records changed since the last write, by record name.</summary>
    public HashSet<string> Dirty { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Pending prompts per agent (and those no agent holds, under <see cref="NoAgent"/>), kept as
    /// prompts come and are reported. Counting them over every prompt for every agent on every offer
    /// was a tenth of the silo's CPU under an alert flood (dotnet-trace, docs/benchmark-log.md). Not
    /// stored: rebuilt from the prompts after a load.
    /// </summary>
    private Dictionary<string, int>? _pendingByAgent;

    /// <summary>The key of prompts no agent holds: no agent id is empty (<see cref="OutreachOptionsValidator"/>).</summary>
    private const string NoAgent = "";

    private Dictionary<string, int> PendingByAgent => _pendingByAgent ??= ById.Values
        .Where(p => p.IsPending)
        .GroupBy(p => p.AgentId ?? NoAgent, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// Pending prompt ids per customer, kept like <see cref="PendingByAgent"/>: every offer asks for
    /// the customer's pending prompt, and finding it among every prompt the desk keeps was 39 % of
    /// the silo's CPU when every new alert was routed (dotnet-trace, docs/benchmark-log.md).
    /// </summary>
    private Dictionary<string, List<string>>? _pendingByCustomer;

    private Dictionary<string, List<string>> PendingByCustomer => _pendingByCustomer ??= Order
        .Select(id => ById[id])
        .Where(p => p.IsPending)
        .GroupBy(p => p.CustomerId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The most tries an alert gets: its prompt, then one more each time its customer runs into
    /// trouble again after an agent reported them unreachable.
    /// </summary>
    public const int MostTries = 5;

    /// <summary>The prompt of an alert's <paramref name="attempt"/>th try: "p-" + the alert's id, then "p-….2", "p-….3"…</summary>
    public static string PromptId(string alertId, int attempt) => attempt == 1 ? "p-" + alertId : $"p-{alertId}.{attempt}";

    /// <summary>
    /// The alert's latest prompt and which try it is; null when it has none. Every try is looked
    /// for, latest first: an earlier one trimmed away does not hide a later one.
    /// </summary>
    public (OutreachPrompt Prompt, int Attempt)? LatestFor(string alertId)
    {
        if (!ById.TryGetValue(PromptId(alertId, 1), out var first) || first.Result is OutreachResult.Unreachable)
        {
            for (var attempt = MostTries; attempt >= 2; attempt--)
            {
                if (ById.TryGetValue(PromptId(alertId, attempt), out var later))
                {
                    return (later, attempt);
                }
            }
        }

        return first is null ? null : (first, 1);
    }

    /// <summary>The agent of the alert's latest try before <paramref name="attempt"/> still kept; null for a first try, or when every earlier one was trimmed.</summary>
    public string? EarlierAgent(string alertId, int attempt)
    {
        for (var earlier = attempt - 1; earlier >= 1; earlier--)
        {
            if (ById.TryGetValue(PromptId(alertId, earlier), out var prompt))
            {
                return prompt.AgentId;
            }
        }

        return null;
    }

    public void Add(OutreachPrompt prompt)
    {
        var pending = PendingByAgent; // counted before the change, so the change is counted once
        var byCustomer = PendingByCustomer;
        if (ById.TryGetValue(prompt.Id, out var replaced))
        {
            Count(pending, replaced, -1);
            if (replaced.IsPending && byCustomer.TryGetValue(replaced.CustomerId, out var ids))
            {
                ids.Remove(replaced.Id);
                if (ids.Count == 0)
                {
                    byCustomer.Remove(replaced.CustomerId);
                }
            }
        }
        else
        {
            Order.Add(prompt.Id);
        }

        ById[prompt.Id] = prompt;
        Dirty.Add(DeskRecords.PromptRecord(prompt.Id));
        Count(pending, prompt, +1);
        if (prompt.IsPending)
        {
            (byCustomer.TryGetValue(prompt.CustomerId, out var ids) ? ids : byCustomer[prompt.CustomerId] = []).Add(prompt.Id);
        }
    }

    /// <summary>The prompt, changed (an agent reported its outcome).</summary>
    public void Update(OutreachPrompt prompt) => Add(prompt);

    public int Pending(string agentId) => PendingByAgent.GetValueOrDefault(agentId);

    /// <summary>Pending prompts no agent holds: every agent with the skill is at capacity, or nobody has it.</summary>
    public int Unassigned => PendingByAgent.GetValueOrDefault(NoAgent);

    /// <summary>The customer's pending prompt, if any: an agent never holds two for one customer.</summary>
    public OutreachPrompt? PendingFor(string customerId) =>
        PendingByCustomer.TryGetValue(customerId, out var ids) ? ById[ids[0]] : null;

    private static void Count(Dictionary<string, int> pending, OutreachPrompt prompt, int by)
    {
        if (prompt.IsPending)
        {
            var agent = prompt.AgentId ?? NoAgent;
            pending[agent] = pending.GetValueOrDefault(agent) + by;
        }
    }

    public IEnumerable<OutreachPrompt> NewestFirst()
    {
        for (var i = Order.Count - 1; i >= 0; i--)
        {
            yield return ById[Order[i]];
        }
    }

    /// <summary>Forgets the oldest reported prompts beyond <paramref name="reportedKept"/>; pending ones and follow-ups (their agent has yet to say how it ended) are kept.</summary>
    public void Trim(int reportedKept)
    {
        var reported = ById.Values.Count(p => !p.IsPending && !p.IsFollowingUp);
        for (var i = 0; reported > reportedKept && i < Order.Count;)
        {
            if (ById[Order[i]] is { IsPending: true } or { IsFollowingUp: true })
            {
                i++;
                continue;
            }

            ById.Remove(Order[i]);
            Dirty.Add(DeskRecords.PromptRecord(Order[i]));
            Order.RemoveAt(i);
            reported--;
        }
    }
}
