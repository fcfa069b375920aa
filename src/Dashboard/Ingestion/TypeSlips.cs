using System.Collections.Concurrent;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Text;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// The catalogue type an unknown one is a slip of the keys from ("serach", "searches",
/// "page-viewed"): such an item is kept, as a type of the integrator's own is, but no rule reads it,
/// and nothing said so (a type in other clothes, "Search", is refused: <see cref="InteractionTypes.NearMiss"/>).
/// An integrator's own types go by on every item: what each is a slip from is worked out once and
/// kept, for the first <see cref="Kept"/> unknown types seen; others are not judged.
/// </summary>
public static class TypeSlips
{
    private const int Kept = 1024;

    private static readonly ConcurrentDictionary<string, string?> Seen = new(StringComparer.Ordinal);

    private static int _kept; // not Seen.Count, which takes every lock of the dictionary

    /// <summary>The catalogue type <paramref name="type"/> is most likely a slip from; null for a catalogue type or one of the integrator's own.</summary>
    public static string? Meant(string type, bool known)
    {
        if (known || type.Length > 64)
        {
            return null;
        }

        if (Seen.TryGetValue(type, out var meant))
        {
            return meant;
        }

        if (Volatile.Read(ref _kept) >= Kept)
        {
            return null; // types made of ids, say: judging each would cost allocations on every item
        }

        meant = Spelling.Closest(type, InteractionTypes.All) ?? Spelling.OtherFormOf(type, InteractionTypes.All);
        if (Seen.TryAdd(type, meant))
        {
            Interlocked.Increment(ref _kept);
        }

        return meant;
    }
}
