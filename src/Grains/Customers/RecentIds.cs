using CxLive.Contracts.Customers;
using CxLive.Grains.Storage;

namespace CxLive.Grains.Customers;

/// <summary>
/// The last N interaction ids of a customer, as 64-bit XxHash3 values in a ring (8 bytes an id, not
/// the id's text), when each was accepted (4 bytes) and which stream entry it was taken from (4
/// bytes, see <see cref="Journeys.Interaction.StreamEntry"/>). A stable hash, so the set means the same
/// after a restart reloads it. Looked up by a vectorised scan of the ring rather than a hash set
/// beside it: the set cost more memory than the ring itself on every active customer, and a
/// customer rarely has more than a few dozen ids to scan.
/// </summary>
[GenerateSerializer, Alias("cx.RecentIds")]
public sealed class RecentIds
{
    /// <summary>Accepted-at times count whole seconds from here: 4 bytes an id, good until 2092.</summary>
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int InitialSize = 8;

    [Id(0)] public ulong[] Ring { get; set; } = [];
    [Id(1)] public int Count { get; set; }
    [Id(2)] public int Next { get; set; }

    /// <summary>When the id at the same index of <see cref="Ring"/> was accepted (seconds since 2024, wall clock).</summary>
    [Id(3)] public int[] AcceptedAt { get; set; } = [];

    /// <summary>
    /// The stream entry the id at the same index of <see cref="Ring"/> was taken from; 0 when unknown
    /// (not read from the stream, or saved by an older build).
    /// </summary>
    [Id(4)] public uint[] Entries { get; set; } = [];

    [NonSerialized] private bool _settled; // checked against the configured capacity once per load

    /// <summary>Adds the id, accepted at <paramref name="now"/> from stream entry <paramref name="entry"/> (0: none); false when it was already there (a duplicate).</summary>
    public bool Add(string id, int capacity, DateTimeOffset now, uint entry = 0)
    {
        Settle(capacity);
        var hash = IdHash.Of(id);
        if (IndexOf(hash) >= 0)
        {
            return false;
        }

        if (Count == Ring.Length && Ring.Length < capacity)
        {
            // Grow on demand: most customers send a handful of interactions, not `capacity`.
            // A ring that may grow holds its ids oldest first from index 0 (see Settle).
            var size = Math.Min(capacity, Math.Max(InitialSize, Ring.Length * 2));
            Ring = Grown(Ring, size);
            AcceptedAt = Grown(AcceptedAt, size);
            Entries = Grown(Entries, size);
            Next = Count;
        }

        if (Count < Ring.Length)
        {
            Count++;
        }

        Ring[Next] = hash;
        AcceptedAt[Next] = SecondsOf(now);
        Entries[Next] = entry;
        Next = (Next + 1) % Ring.Length;
        return true;
    }

    /// <summary>
    /// Whether the id is remembered and was accepted at or after <paramref name="since"/>; given an
    /// <paramref name="entry"/>, only if it was taken from that very stream entry (or either is unknown).
    /// </summary>
    public bool AcceptedSince(string id, DateTimeOffset since, uint entry = 0)
    {
        var index = IndexOf(IdHash.Of(id));
        return index >= 0 && index < AcceptedAt.Length && AcceptedAt[index] >= SecondsOf(since) // none kept: saved by an older build
            && (entry == 0 || index >= Entries.Length || Entries[index] == 0 || Entries[index] == entry);
    }

    private int IndexOf(ulong hash) => Ring.AsSpan(0, Count).IndexOf(hash);

    private static int SecondsOf(DateTimeOffset at) => (int)Math.Clamp((at - Epoch).Ticks / TimeSpan.TicksPerSecond, 0, int.MaxValue);

    private static T[] Grown<T>(T[] array, int size)
    {
        var grown = new T[size];
        array.CopyTo(grown, 0);
        return grown;
    }

    /// <summary>
    /// After a load: lays the newest ids that fit into a ring of at most <paramref name="capacity"/>,
    /// oldest first, when the configured capacity shrank or a full ring that wrapped may grow again
    /// (growing in place needs the oldest id at index 0); and gives state saved before accepted-at
    /// times were kept a time of "long ago", and before entries were kept an unknown entry.
    /// </summary>
    private void Settle(int capacity)
    {
        if (_settled)
        {
            return;
        }

        _settled = true;
        if (AcceptedAt.Length != Ring.Length)
        {
            AcceptedAt = Grown(AcceptedAt.Length > Ring.Length ? AcceptedAt[..Ring.Length] : AcceptedAt, Ring.Length);
        }

        if (Entries.Length != Ring.Length)
        {
            Entries = Grown(Entries.Length > Ring.Length ? Entries[..Ring.Length] : Entries, Ring.Length); // 0: unknown
        }

        var wrappedButMayGrow = Count == Ring.Length && Ring.Length < capacity && Next != 0;
        if (Ring.Length <= capacity && !wrappedButMayGrow)
        {
            return;
        }

        var newestFirst = Enumerable.Range(1, Math.Min(Count, capacity)).Select(back => (Next - back + Ring.Length) % Ring.Length).ToArray();
        Array.Reverse(newestFirst);
        Ring = [.. newestFirst.Select(i => Ring[i])];
        AcceptedAt = [.. newestFirst.Select(i => AcceptedAt[i])];
        Entries = [.. newestFirst.Select(i => Entries[i])];
        Count = Ring.Length;
        Next = 0;
    }
}
