namespace CxLive.Grains.Storage;

/// <summary>
/// Which interactions a touchpoint counted for each stream consumer since that consumer last
/// acknowledged its entries. A consumer acknowledges only after every grain it fed has written its
/// state, and it writes touchpoints before customers; so if a silo dies in between, a redelivered
/// interaction that its customer takes as new again is found here and not counted twice. The set
/// lives only between two acknowledgements (at most `RedisStreams:CheckpointInterval`, 10 s); a consumer that died and
/// never acknowledges is forgotten after <see cref="KeptFor"/>, long after its entries were reclaimed.
/// </summary>
[GenerateSerializer, Alias("cx.DeliveryLedger")]
public sealed class DeliveryLedger
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    [Id(0)] public Dictionary<string, Pending> ByConsumer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Notes the id under the consumer; false when any consumer already delivered it (not acknowledged yet).</summary>
    public bool TryAdd(string consumer, string interactionId, DateTimeOffset now)
    {
        var hash = IdHash.Of(interactionId);
        foreach (var pending in ByConsumer.Values)
        {
            if (pending.Ids.Contains(hash))
            {
                return false;
            }
        }

        if (!ByConsumer.TryGetValue(consumer, out var mine))
        {
            ByConsumer[consumer] = mine = new Pending();
        }

        mine.Ids.Add(hash);
        mine.Touched = now;
        return true;
    }

    /// <summary>The consumer acknowledged everything it delivered: its ids can no longer come back.</summary>
    public bool Release(string consumer) => ByConsumer.Remove(consumer);

    /// <summary>Forgets consumers silent for longer than <see cref="KeptFor"/>; true when something went.</summary>
    public bool Forget(DateTimeOffset now)
    {
        // Runs on every touchpoint batch: no allocation (removing while enumerating is allowed for Dictionary).
        var forgot = false;
        foreach (var (consumer, pending) in ByConsumer)
        {
            if (now - pending.Touched > KeptFor)
            {
                ByConsumer.Remove(consumer);
                forgot = true;
            }
        }

        return forgot;
    }

    [GenerateSerializer, Alias("cx.DeliveryLedger.Pending")]
    public sealed class Pending
    {
        [Id(0)] public HashSet<ulong> Ids { get; set; } = [];
        [Id(1)] public DateTimeOffset Touched { get; set; }
    }
}
