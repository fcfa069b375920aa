using CxLive.Dashboard;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// Follows one numbered stream of changes (an alert partition's book, or its desk's prompts) as a
/// web server receives it: says which changes are new (and which are duplicates), keeps the
/// watermark below which every change has been passed on, and says when a missing change has been
/// missing long enough that it should be read from the store rather than waited for.
/// </summary>
/// <remarks>
/// Pushes are one-way messages: they can arrive late, out of order, twice (a catch-up and a push
/// of the same change), or never (a feed grain that moved, a silo that died with the message).
/// A change counts as missing when the partition said it had published it at least
/// <c>grace</c> ago and it has still not arrived: in-flight pushes are not mistaken for losses.
/// </remarks>
public sealed class SequenceTracker(TimeProvider time, TimeSpan grace)
{
    private readonly SortedSet<long> _above = [];
    private long? _watermark;
    private (long Head, DateTimeOffset At)? _claimed;

    /// <summary>Every change numbered up to this has been passed on (or was there before this server started); null before anything is known.</summary>
    public long? Watermark => _watermark;

    /// <summary>True when the change numbered <paramref name="sequence"/> has not been passed on yet (and now counts as passed on).</summary>
    public bool Accept(long sequence)
    {
        _watermark ??= sequence - 1; // a server that just started follows from the first change it hears of
        if (sequence <= _watermark || !_above.Add(sequence))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>
    /// Takes the partition's published number and answers whether to catch up from the store now: true
    /// when a change published at least the grace period ago is still missing.
    /// </summary>
    public bool ShouldCatchUp(long head)
    {
        var now = time.GetUtcNow();
        if (_watermark is null)
        {
            _watermark = head; // nothing heard yet: what was published before this server started is history, not news
            return false;
        }

        if (_claimed is { } satisfied && _watermark >= satisfied.Head)
        {
            _claimed = null; // everything it claimed then has arrived
        }

        var missing = _claimed is { } claimed && now - claimed.At >= grace;
        if (_claimed is null && head > _watermark)
        {
            _claimed = (head, now);
        }

        return missing;
    }

    /// <summary>A catch-up read from the store was passed on: every change up to <paramref name="head"/> is accounted for.</summary>
    public void CaughtUpTo(long head)
    {
        _watermark = Math.Max(_watermark ?? head, head);
        _above.RemoveWhere(s => s <= _watermark);
        Advance();
        _claimed = null;
    }

    /// <summary>
    /// Follows from <paramref name="head"/>, as a server that passed on everything up to it by other
    /// means (a late first read): a change above it taken before, from a push that came first, is
    /// counted again as not yet passed on, so that one missing between them is caught up, not skipped.
    /// </summary>
    public void FollowFrom(long head)
    {
        _watermark = head;
        _above.Clear();
        _claimed = null;
    }

    private void Advance()
    {
        while (_above.Remove(_watermark!.Value + 1))
        {
            _watermark++;
        }
    }
}
