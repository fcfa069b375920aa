using System.Text;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Ingestion;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// Turns stream entries into interactions with the same reader and rules as HTTP ingestion. An
/// entry that cannot be read, or an item in it that is invalid, becomes a dead letter with the
/// reason; the good items beside it are kept.
/// </summary>
public static class StreamEntries
{
    public const string DataField = "data";

    /// <summary>HTTP's advice on a content type means nothing to a stream writer: what to do here instead.</summary>
    private const string StreamNdjsonHint = ". Several objects one after another: put them inside a JSON array, or one in each 'data' field (or entry)";

    /// <summary>Marks an entry CxLive wrote itself (HTTP ingestion in Redis mode): already validated, masked and pseudonymised.</summary>
    public const string WriterField = "writer";
    private const string CxLiveWriter = "cxlive";

    public static NameValueEntry[] Written(byte[] data) => [new(DataField, data), new(WriterField, CxLiveWriter)];

    /// <summary>When the first entry was written: its id begins with Redis' clock in milliseconds ("1732800000000-0").</summary>
    public static DateTimeOffset? WrittenAt(StreamEntry[] entries)
    {
        var id = entries.Length > 0 ? (string?)entries[0].Id : null;
        var dash = id?.IndexOf('-') ?? -1;
        return dash > 0 && long.TryParse(id.AsSpan(0, dash), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>
    /// The entry's id as 32 bits, never 0 (<see cref="Interaction.StreamEntry"/>): two entries are told
    /// apart unless their hashes collide, one chance in four billion, which only costs what a
    /// delivery again cost before entries were told apart.
    /// </summary>
    public static uint Stamp(RedisValue entryId)
    {
        var hash = (uint)System.IO.Hashing.XxHash3.HashToUInt64((byte[])entryId!);
        return hash == 0 ? 1 : hash;
    }

    /// <param name="rules">For integrators' entries: privacy applied. CxLive's own entries are read without it (see <see cref="Written"/>).</param>
    /// <param name="warned">Items taken with a warning, by entry: HTTP answers them to the sender; here only the log can say them.</param>
    public static void Read(StreamEntry[] entries, ItemRules rules, int maxItems, List<Interaction> valid, List<DeadLetter> dead, List<(RedisValue Entry, ItemWarning Warning)>? warned = null)
    {
        var own = rules with { Privacy = null, AcceptedBefore = true };
        foreach (var entry in entries)
        {
            if (entry.IsNull)
            {
                continue; // deleted from the stream while pending: nothing left to read
            }

            // Each 'data' field is read: XADD takes the same field twice, and the second was dropped
            // without a word. Walked in place: this runs for every entry of the stream.
            var entryRules = (entry[WriterField] == CxLiveWriter ? own : rules) with { StreamEntry = Stamp(entry.Id) };
            var left = maxItems; // per entry, however many 'data' fields carry its items
            var read = false;
            foreach (var field in entry.Values)
            {
                if (field.Name != DataField)
                {
                    continue;
                }

                read = true;
                if (left == 0)
                {
                    dead.Add(new DeadLetter(entry.Id, field.Value, $"the entry holds more than {maxItems} items across its '{DataField}' fields (Ingestion:MaxItemsPerRequest): send the rest in another entry"));
                    continue;
                }

                left -= ReadPayload(entry.Id, field.Value, entryRules, left, valid, dead, warned);
            }

            if (!read)
            {
                // The payload under another name is kept beside the reason, or it would go with the entry when the stream is trimmed.
                var named = string.Join(", ", entry.Values.Take(5).Select(f => $"'{JsonText.Shorten(f.Name.ToString())}'")) + (entry.Values.Length > 5 ? ", ..." : "");
                dead.Add(new DeadLetter(entry.Id, RedisValue.Null, $"the entry has no '{DataField}' field (it has {(named.Length > 0 ? named : "none")}): put the interaction's JSON (an object or an array) in a field named '{DataField}'")
                {
                    Original = entry.Values,
                });
            }
        }
    }

    /// <returns>How many items the payload held (0 when it could not be read).</returns>
    private static int ReadPayload(RedisValue entryId, RedisValue data, ItemRules rules, int maxItems, List<Interaction> valid, List<DeadLetter> dead, List<(RedisValue Entry, ItemWarning Warning)>? warned)
    {
        try
        {
            var batch = BatchParser.ParseJson((byte[])data!, rules, maxItems, StreamNdjsonHint);
            valid.AddRange(batch.Valid);
            if (batch.Rejected.Count > 0)
            {
                var reasons = batch.Rejected.Select(r => batch.ItemCount == 1 ? string.Join("; ", r.Errors) : $"[{r.Index}] {string.Join("; ", r.Errors)}");
                dead.Add(new DeadLetter(entryId, data, string.Join(" | ", reasons)));
            }

            warned?.AddRange((batch.Warnings ?? []).Select(w => (entryId, w)));
            return batch.ItemCount;
        }
        catch (Exception e) when (e is UnreadableBodyException or BatchTooLargeException)
        {
            dead.Add(new DeadLetter(entryId, data, e.Message));
            return 0;
        }
    }
}
