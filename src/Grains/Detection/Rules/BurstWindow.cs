using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// The rolling window of a <see cref="BurstDetector"/>: its moments in event-time order (late
/// arrivals are inserted where they belong), and when its alert opened.
/// </summary>
[GenerateSerializer, Alias("cx.BurstWindow")]
public sealed class BurstWindow
{
    /// <summary>A hard bound on memory per customer, far above any sane threshold.</summary>
    public const int Capacity = 64;

    [Id(0)] public List<BurstMark> Marks { get; set; } = [];

    /// <summary>Event time of the first failure of the open alert's run; null when no alert is open.</summary>
    [Id(1)] public DateTimeOffset? OpenSince { get; set; }

    /// <param name="keepFrom">A moment to keep whatever the window says (a rule's deadline counts from it).</param>
    public void Insert(BurstMark mark, TimeSpan window, DateTimeOffset? keepFrom = null)
    {
        Keep(mark);
        Prune(window, keepFrom);
    }

    /// <summary>
    /// Inserts in event-time order without forgetting anything by age (only past <see cref="Capacity"/>).
    /// Of good moments in a row only the first and the last are kept: all a good moment does here is
    /// stand between bad ones, and the two ends still stand between any late bad moment and the bad
    /// ones on either side. Most traffic is good, so this keeps a busy customer's windows small.
    /// </summary>
    public void Keep(BurstMark mark)
    {
        var index = Marks.Count;
        while (index > 0 && Marks[index - 1].At > mark.At)
        {
            index--;
        }

        Marks.Insert(index, mark);
        if (!mark.Bad)
        {
            var (first, last) = (index, index);
            while (first > 0 && !Marks[first - 1].Bad)
            {
                first--;
            }

            while (last < Marks.Count - 1 && !Marks[last + 1].Bad)
            {
                last++;
            }

            if (last - first > 1)
            {
                Marks.RemoveRange(first + 1, last - first - 1);
            }
        }

        if (Marks.Count > Capacity)
        {
            Marks.RemoveRange(0, Marks.Count - Capacity);
        }
    }

    /// <summary>
    /// The latest run of at least <paramref name="threshold"/> bad moments whose first and last are
    /// at most <paramref name="window"/> apart; null if none. With <paramref name="goodBreaksRun"/>,
    /// the run may hold no good moment between its bad ones.
    /// </summary>
    public List<BurstMark>? FindLatestRun(int threshold, TimeSpan window, bool goodBreaksRun = true)
    {
        var bad = goodBreaksRun ? null : Marks.Where(m => m.Bad).ToList();
        var marks = bad ?? Marks;
        (int Start, int End)? found = null;
        var start = 0;
        for (var end = 0; end < marks.Count; end++)
        {
            if (!marks[end].Bad)
            {
                start = end + 1;
                continue;
            }

            while (marks[end].At - marks[start].At > window)
            {
                start++;
            }

            if (end - start + 1 >= threshold)
            {
                found = (start, end);
            }
        }

        return found is var (s, e) ? marks.GetRange(s, e - s + 1) : null;
    }

    public List<BurstMark> BadSince(DateTimeOffset since) =>
        Marks.Where(m => m.Bad && m.At >= since).ToList();

    /// <summary>The alert resolved at <paramref name="at"/>: what came before it is spent.</summary>
    public void Close(DateTimeOffset at)
    {
        OpenSince = null;
        Marks.RemoveAll(m => m.At <= at);
    }

    private void Prune(TimeSpan window, DateTimeOffset? keepFrom)
    {
        // Keep what a new event could still share a window with, the open alert's whole run, and
        // what the rule's deadline counts from.
        var horizon = Marks[^1].At - window;
        if (OpenSince is { } open && open < horizon)
        {
            horizon = open;
        }

        if (keepFrom is { } kept && kept < horizon)
        {
            horizon = kept;
        }

        var stale = 0;
        while (stale < Marks.Count && Marks[stale].At < horizon)
        {
            stale++;
        }

        Marks.RemoveRange(0, stale);
        if (Marks.Count > Capacity)
        {
            Marks.RemoveRange(0, Marks.Count - Capacity);
        }
    }
}
