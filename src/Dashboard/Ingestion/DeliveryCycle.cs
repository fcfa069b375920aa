using CxLive.Contracts.Journeys;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// What one stream consumer has delivered since it last acknowledged: the interactions, and which
/// activation of each grain took them. Before acknowledging, every one of those grains writes its
/// state (touchpoints first, then customers; see docs/durability.md). If a grain answers from
/// another activation than the one that took the delivery, the silo it lived on died with unsaved
/// state: the cycle is <see cref="Torn"/> and is delivered again before anything is acknowledged.
/// </summary>
public sealed class DeliveryCycle(string consumer)
{
    public string Consumer { get; } = consumer;
    public Dictionary<string, Guid> Customers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Touchpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Every interaction delivered in this cycle, to deliver again if it is torn (at most the consumer's MaxPending entries).</summary>
    public List<Interaction> Delivered { get; } = [];

    public bool Torn { get; private set; }

    public void Customer(string key, Guid activation) => Note(Customers, key, activation);

    public void Touchpoint(string key, Guid activation) => Note(Touchpoints, key, activation);

    /// <summary>Starts over with the same interactions, for a delivery again after a tear.</summary>
    public void ForgetActivations()
    {
        Customers.Clear();
        Touchpoints.Clear();
        Torn = false;
    }

    public void Clear()
    {
        ForgetActivations();
        Delivered.Clear();
    }

    private void Note(Dictionary<string, Guid> activations, string key, Guid activation)
    {
        if (activations.TryGetValue(key, out var known) && known != activation)
        {
            Torn = true;
        }

        activations.TryAdd(key, activation);
    }
}
