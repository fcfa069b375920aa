using CxLive.Dashboard.Redis;
using StackExchange.Redis;

namespace CxLive.Silo.Redis;

/// <summary>
/// Keeps the stream from growing without end: removes entries that every consumer group on it has
/// read and acknowledged. The bound is the oldest entry any group still holds unacknowledged, or,
/// for a group holding none, the last one it read; entries from there on stay. So another reader of
/// the same stream (an integrator's own group) never loses an entry it has not had yet. Trimming
/// is approximate (<c>MINID ~</c>): Redis removes whole internal nodes, which is cheap. The
/// dead-letter stream is never trimmed.
/// </summary>
public static class StreamTrimmer
{
    public static async Task<long> TrimAcknowledgedAsync(IDatabase db, RedisKey stream)
    {
        var groups = await db.StreamGroupInfoAsync(stream);
        if (groups.Length == 0)
        {
            return 0;
        }

        var keepFrom = (Ms: long.MaxValue, Seq: long.MaxValue);
        foreach (var group in groups)
        {
            var pending = group.PendingMessageCount > 0 ? (await db.StreamPendingAsync(stream, group.Name)).LowestPendingMessageId : default;
            var bound = Parse(pending.IsNull ? group.LastDeliveredId : pending.ToString());
            keepFrom = bound.CompareTo(keepFrom) < 0 ? bound : keepFrom;
        }

        return keepFrom.Ms is 0 or long.MaxValue
            ? 0
            : await db.StreamTrimByMinIdAsync(stream, $"{keepFrom.Ms}-{keepFrom.Seq}", useApproximateMaxLength: true);
    }

    private static (long Ms, long Seq) Parse(string? id)
    {
        var dash = id?.IndexOf('-') ?? -1;
        return dash > 0 && long.TryParse(id![..dash], out var ms) && long.TryParse(id[(dash + 1)..], out var seq) ? (ms, seq) : (0, 0);
    }
}
