using System.Collections.Concurrent;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// One string per touchpoint name for the whole process. Every active customer keeps the touchpoint
/// of each moment its detectors remember, and a site has tens or thousands of touchpoints, not
/// millions: without this, each of those moments held its own copy of, say, "web/search" (about
/// 1.5 KB a customer with a full timeline, docs/benchmark-log.md). Bounded, so a client that invents a
/// new name per request costs no more than the copies would.
/// </summary>
public static class TouchpointNames
{
    public const int Capacity = 100_000;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static int _count; // ConcurrentDictionary.Count takes every lock

    public static string Shared(string touchpoint)
    {
        if (Known.TryGetValue(touchpoint, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            return touchpoint;
        }

        if (Known.TryAdd(touchpoint, touchpoint))
        {
            Interlocked.Increment(ref _count);
            return touchpoint;
        }

        return Known.GetValueOrDefault(touchpoint, touchpoint);
    }
}
