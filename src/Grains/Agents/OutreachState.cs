namespace CxLive.Agents;

/// <summary>Every prompt the desk keeps, newest last. Orleans binary serializer (see CustomerState).</summary>
[GenerateSerializer, Alias("cx.OutreachState")]
public sealed class OutreachState
{
    [Id(0)] public Dictionary<string, OutreachPrompt> ById { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public List<string> Order { get; set; } = [];
    [Id(2)] public int NextInTurn { get; set; }

    public void Add(OutreachPrompt prompt)
    {
        ById[prompt.Id] = prompt;
        Order.Add(prompt.Id);
    }

    public int Pending(string agentId) => ById.Values.Count(p => p.IsPending && p.AgentId == agentId);

    public IEnumerable<OutreachPrompt> NewestFirst()
    {
        for (var i = Order.Count - 1; i >= 0; i--)
        {
            yield return ById[Order[i]];
        }
    }

    public void Trim(int reportedKept)
    {
        var reported = ById.Values.Count(p => !p.IsPending);
        for (var i = 0; reported > reportedKept && i < Order.Count;)
        {
            if (ById[Order[i]].IsPending)
            {
                i++;
                continue;
            }

            ById.Remove(Order[i]);
            Order.RemoveAt(i);
            reported--;
        }
    }
}
