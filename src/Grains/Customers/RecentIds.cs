using System.IO.Hashing;
using System.Runtime.InteropServices;

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

    [NonSerialized] private HashSet<ulong>? _lookup; // rebuilt from the ring after a load

    /// <summary>Adds the id; false when it was already there (a duplicate).</summary>
    public bool Add(string id, int capacity)
    {
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
        var lookup = Lookup(capacity);
        if (!lookup.Add(hash))
        {
            return false;
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

        if (Ring.Length != capacity)
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

    /// <summary>Capacity changed in configuration: keep the newest ids that still fit.</summary>
    private void Resize(int capacity)
    {
        var newestFirst = Enumerable.Range(1, Count).Select(back => Ring[(Next - back + Ring.Length) % Ring.Length]);
        var kept = newestFirst.Take(capacity).Reverse().ToArray();
        Ring = new ulong[capacity];
        kept.CopyTo(Ring, 0);
        Count = kept.Length;
        Next = Count % capacity;
    }
}
