using System.Collections.Immutable;
using CxLive.Contracts.Touchpoints;

namespace CxLive.Grains.Touchpoints;

/// <summary>
/// The latest figures of every touchpoint, in memory only: they are rebuilt within seconds from the
/// touchpoints' own reports after a restart. A touchpoint silent for an hour is forgotten. A report
/// is a moment's figures and a touchpoint that falls silent sends no more: one with nothing in the
/// last 5 minutes is left out of the list at once (its window has emptied), and one still sending
/// also reports from its minute timer, so its window ages while little arrives.
/// </summary>
[GrainType("touchpointdirectory")]
public sealed class TouchpointDirectoryGrain(TimeProvider time) : Grain, ITouchpointDirectoryGrain
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Recent = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, (TouchpointSnapshot Snapshot, DateTimeOffset At)> _latest = new(StringComparer.Ordinal);

    public Task ReportAsync(TouchpointSnapshot snapshot)
    {
        _latest[snapshot.Touchpoint] = (snapshot, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<TouchpointSnapshot>> TopAsync(int count, int minEvents)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _latest.Where(pair => now - pair.Value.At > ForgetAfter).Select(pair => pair.Key).ToList())
        {
            _latest.Remove(stale);
        }

        return Task.FromResult(_latest.Values
            .Select(entry => entry.Snapshot)
            .Where(s => s.LastSeen is { } seen && now - seen < Recent && s.Last5Minutes.Events >= minEvents)
            .OrderByDescending(s => s.Last5Minutes.FailureRate)
            .ThenByDescending(s => s.Last5Minutes.Events)
            .Take(count)
            .ToImmutableArray());
    }
}
