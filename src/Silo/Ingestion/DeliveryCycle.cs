namespace CxLive.Ingestion;

/// <summary>
/// The grains one stream consumer has fed since it last acknowledged: before it acknowledges, each
/// of them writes its state (touchpoints first, then customers; see docs/durability.md).
/// </summary>
public sealed class DeliveryCycle(string consumer)
{
    public string Consumer { get; } = consumer;
    public HashSet<string> Customers { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Touchpoints { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        Customers.Clear();
        Touchpoints.Clear();
    }
}
