namespace CxLive.Grains.Alerts;

/// <summary>
/// When time next moves each open alert of a partition (its snooze ends, it escalates, it
/// expires), in order: a tick takes only the alerts that are due, and the partition's timer reads
/// the earliest in O(log n), instead of both visiting every open alert (a flood of criticals
/// escalating one by one would otherwise cost a pass over the whole partition per escalation).
/// Changed alerts are only marked; their due moments are computed when next asked, with the
/// options of that call.
/// </summary>
public sealed class DueIndex
{
    private readonly SortedSet<(DateTimeOffset Due, string Id)> _byDue = new(DueOrder.Instance);
    private readonly Dictionary<string, DateTimeOffset> _dueOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>The alert changed (or was forgotten): its due moment is looked at again.</summary>
    public void Touch(string alertId) => _changed.Add(alertId);

    /// <summary>The earliest due moment, or null when no open alert has one.</summary>
    public DateTimeOffset? Next(Func<string, DateTimeOffset?> dueOf)
    {
        Refresh(dueOf);
        return _byDue.Count == 0 ? null : _byDue.Min.Due;
    }

    /// <summary>
    /// Removes and returns the alerts due at <paramref name="now"/>, earliest first. An alert the
    /// caller changes comes back through <see cref="Touch"/>; one it leaves alone stays out, since
    /// its due moment (a function of the alert) cannot move until it changes.
    /// </summary>
    public List<string> TakeDue(DateTimeOffset now, Func<string, DateTimeOffset?> dueOf)
    {
        Refresh(dueOf);
        var due = new List<string>();
        while (_byDue.Count > 0 && _byDue.Min.Due <= now)
        {
            var first = _byDue.Min;
            _byDue.Remove(first);
            _dueOf.Remove(first.Id);
            due.Add(first.Id);
        }

        return due;
    }

    private void Refresh(Func<string, DateTimeOffset?> dueOf)
    {
        foreach (var id in _changed)
        {
            if (_dueOf.Remove(id, out var was))
            {
                _byDue.Remove((was, id));
            }

            if (dueOf(id) is { } due)
            {
                _dueOf[id] = due;
                _byDue.Add((due, id));
            }
        }

        _changed.Clear();
    }

    private sealed class DueOrder : IComparer<(DateTimeOffset Due, string Id)>
    {
        public static readonly DueOrder Instance = new();

        public int Compare((DateTimeOffset Due, string Id) x, (DateTimeOffset Due, string Id) y)
        {
            var byTime = x.Due.UtcTicks.CompareTo(y.Due.UtcTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
