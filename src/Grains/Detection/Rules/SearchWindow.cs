namespace CxLive.Detection.Rules;

/// <summary>
/// The rolling window of <see cref="RepeatedFailedSearchDetector"/>: search moments in event-time
/// order (late arrivals are inserted where they belong), and when its alert opened.
/// </summary>
[GenerateSerializer, Alias("cx.SearchWindow")]
public sealed class SearchWindow
{
    /// <summary>A hard bound on memory per customer, far above any sane threshold.</summary>
    public const int Capacity = 64;

    [Id(0)] public List<SearchMark> Marks { get; set; } = [];

    /// <summary>Event time of the first failure of the open alert's run; null when no alert is open.</summary>
    [Id(1)] public DateTimeOffset? OpenSince { get; set; }

    public void Insert(SearchMark mark, TimeSpan window)
    {
        var index = Marks.Count;
        while (index > 0 && Marks[index - 1].At > mark.At)
        {
            index--;
        }

        Marks.Insert(index, mark);
        Prune(window);
    }

    /// <summary>
    /// The latest run of at least <paramref name="threshold"/> consecutive failures (no success
    /// between them) whose first and last are at most <paramref name="window"/> apart; null if none.
    /// </summary>
    public List<SearchMark>? FindLatestRun(int threshold, TimeSpan window)
    {
        (int Start, int End)? found = null;
        var start = 0;
        for (var end = 0; end < Marks.Count; end++)
        {
            if (!Marks[end].Failed)
            {
                start = end + 1;
                continue;
            }

            while (Marks[end].At - Marks[start].At > window)
            {
                start++;
            }

            if (end - start + 1 >= threshold)
            {
                found = (start, end);
            }
        }

        return found is var (s, e) ? Marks.GetRange(s, e - s + 1) : null;
    }

    public List<SearchMark> FailuresSince(DateTimeOffset since) =>
        Marks.Where(m => m.Failed && m.At >= since).ToList();

    /// <summary>The alert resolved at <paramref name="at"/>: what came before it is spent.</summary>
    public void Close(DateTimeOffset at)
    {
        OpenSince = null;
        Marks.RemoveAll(m => m.At <= at);
    }

    private void Prune(TimeSpan window)
    {
        // Keep what a new event could still share a window with, and the open alert's whole run.
        var horizon = Marks[^1].At - window;
        if (OpenSince is { } open && open < horizon)
        {
            horizon = open;
        }

        var stale = Marks.FindIndex(m => m.At >= horizon);
        Marks.RemoveRange(0, stale < 0 ? Marks.Count : stale);
        if (Marks.Count > Capacity)
        {
            Marks.RemoveRange(0, Marks.Count - Capacity);
        }
    }
}
