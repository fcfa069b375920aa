using CxLive.Storage;

namespace CxLive.Customers;

/// <summary>
/// The last N interaction ids of a customer, as 64-bit XxHash3 values in a ring (8 bytes an id, not
/// the id's text). A stable hash, so the set means the same after a restart reloads it.
/// </summary>
[GenerateSerializer, Alias("cx.RecentIds")]
public sealed class RecentIds
{
    [Id(0)] public ulong[] Ring { get; set; } = [];
    [Id(1)] public int Count { get; set; }
    [Id(2)] public int Next { get; set; }

    private const int InitialSize = 8;

    [NonSerialized] private HashSet<ulong>? _lookup; // rebuilt from the ring after a load

    /// <summary>Adds the id; false when it was already there (a duplicate).</summary>
    public bool Add(string id, int capacity)
    {
        var hash = IdHash.Of(id);
        var lookup = Lookup(capacity);
        if (!lookup.Add(hash))
        {
            return false;
        }

        if (Count == Ring.Length && Ring.Length < capacity)
        {
            // Grow on demand: most customers send a handful of interactions, not `capacity`.
            // A ring that may grow holds its ids oldest first from index 0 (see Lookup).
            var grown = new ulong[Math.Min(capacity, Math.Max(InitialSize, Ring.Length * 2))];
            Ring.CopyTo(grown, 0);
            Ring = grown;
            Next = Count;
        }

        if (Count == Ring.Length)
        {
            lookup.Remove(Ring[Next]);
        }
        else
        {
            Count++;
        }

        Ring[Next] = hash;
        Next = (Next + 1) % Ring.Length;
        return true;
    }

    private HashSet<ulong> Lookup(int capacity)
    {
        if (_lookup is not null)
        {
            return _lookup;
        }

        var wrappedButMayGrow = Count == Ring.Length && Ring.Length < capacity && Next != 0;
        if (Ring.Length > capacity || wrappedButMayGrow)
        {
            Resize(capacity);
        }

        _lookup = new HashSet<ulong>(Count);
        for (var i = 0; i < Count; i++)
        {
            _lookup.Add(Ring[i]);
        }

        return _lookup;
    }

    /// <summary>
    /// Lays the newest ids that fit into a ring of at most <paramref name="capacity"/>, oldest
    /// first: after a load, when the configured capacity shrank, or when a full ring that wrapped
    /// may grow again (growing in place needs the oldest id at index 0).
    /// </summary>
    private void Resize(int capacity)
    {
        var newestFirst = Enumerable.Range(1, Count).Select(back => Ring[(Next - back + Ring.Length) % Ring.Length]);
        var kept = newestFirst.Take(capacity).Reverse().ToArray();
        Ring = kept;
        Count = kept.Length;
        Next = 0;
    }
}
