using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;
using CxLive.Grains.Storage;

namespace CxLive.Grains.Customers;

/// <summary>
/// Everything a customer grain keeps. Serialized with the Orleans binary serializer (chosen on day
/// one for Redis: compact, and stable across renames thanks to Ids and Aliases; never renumber).
/// </summary>
[GenerateSerializer, Alias("cx.CustomerState")]
public sealed class CustomerState
{
    private static readonly int ChannelCount = Enum.GetValues<Channel>().Length;
    private static readonly int StageCount = Enum.GetValues<JourneyStage>().Length;

    /// <summary>State saved before the timeline was kept compact; moved into <see cref="Timeline"/> on first use.</summary>
    [Id(0)] public List<Interaction>? LegacyTimeline { get; set; }

    [Id(1)] public long[] ByChannel { get; set; } = new long[ChannelCount];
    [Id(2)] public long[] ByStage { get; set; } = new long[StageCount];
    [Id(3)] public RecentIds SeenIds { get; set; } = new();
    [Id(4)] public CustomerDetectionState Detection { get; set; } = new();
    [Id(5)] public long InteractionCount { get; set; }
    [Id(6)] public DateTimeOffset? FirstSeen { get; set; }
    [Id(7)] public DateTimeOffset? LastSeen { get; set; }

    /// <summary>When the deadline reminder is registered to fire; null when none is.</summary>
    [Id(8)] public DateTimeOffset? ReminderDue { get; set; }

    /// <summary>Unused since <see cref="RecentIds"/> keeps when each id was accepted; read from older state and dropped.</summary>
    [Id(9)] public List<AcceptedId>? RecentlyAccepted { get; set; }

    /// <summary>The tenth of the experience score this customer last reported to the score distribution.</summary>
    [Id(10)] public int? ReportedTenth { get; set; }

    /// <summary>The last UTC day the customer index was told of this customer (null for state written before there was one).</summary>
    [Id(13)] public DateOnly? IndexedOn { get; set; }

    /// <summary>Recent interactions in event-time order, oldest first, each a <see cref="TimelineEntry"/>; bounded by the timeline capacity.</summary>
    public List<byte[]> Timeline => _timeline;

    [NonSerialized] private List<byte[]> _timeline = [];

    /// <summary>
    /// The timeline as stored: one array instead of 50. The serializer tracks every object it
    /// writes, and writing the entries one by one was three quarters of a customer's state write
    /// in Redis mode (dotnet-trace, docs/benchmark-log.md).
    /// </summary>
    [Id(12)]
    public byte[] StoredTimeline
    {
        get => TimelineEntry.Pack(Timeline);
        set => _timeline = TimelineEntry.Unpack(value);
    }

    /// <summary>Records the interaction unless its id was seen before; false for a duplicate.</summary>
    public bool TryRecord(Interaction interaction, CustomerOptions options, DateTimeOffset now)
    {
        if (!SeenIds.Add(interaction.Id, options.DedupCapacity, now, interaction.StreamEntry))
        {
            return false;
        }

        InteractionCount++;
        ByChannel = Count(ByChannel, (int)interaction.Channel, ChannelCount);
        if (interaction.Stage is { } stage)
        {
            ByStage = Count(ByStage, (int)stage, StageCount);
        }

        FirstSeen = FirstSeen is { } first && first <= interaction.Timestamp ? first : interaction.Timestamp;
        LastSeen = LastSeen is { } last && last >= interaction.Timestamp ? last : interaction.Timestamp;
        AddToTimeline(interaction, options.TimelineCapacity);
        return true;
    }

    /// <summary>Whether the id was accepted within the redelivery window.</summary>
    public bool AcceptedRecently(string id, CustomerOptions options, DateTimeOffset now) =>
        SeenIds.AcceptedSince(id, now - options.RedeliveryWindow);

    /// <summary>
    /// Whether <paramref name="duplicate"/> may be the very stream entry its id was accepted from,
    /// delivered again within the redelivery window: its touchpoint may not have kept it. Another
    /// entry with the same id (a re-send, such as a retry after a <c>503</c> whose append Redis took
    /// after all) is not: the touchpoint heard of the id with the entry accepted.
    /// </summary>
    public bool AcceptedRecentlyFromTheSameEntry(Interaction duplicate, CustomerOptions options, DateTimeOffset now) =>
        SeenIds.AcceptedSince(duplicate.Id, now - options.RedeliveryWindow, duplicate.StreamEntry);

    /// <summary>The timeline's interactions, oldest first.</summary>
    public IEnumerable<Interaction> TimelineOf(string customerId)
    {
        MigrateLegacyTimeline(int.MaxValue);
        return Timeline.Select(entry => TimelineEntry.Decode(entry, customerId));
    }

    public CustomerSnapshot Snapshot(string customerId) => new()
    {
        CustomerId = customerId,
        InteractionCount = InteractionCount,
        FirstSeen = FirstSeen,
        LastSeen = LastSeen,
        ByChannel = ChannelsUsed(),
        ByStage = NonZero<JourneyStage>(ByStage),
        Timeline = [.. TimelineOf(customerId).Reverse()],
    };

    private void AddToTimeline(Interaction interaction, int capacity)
    {
        MigrateLegacyTimeline(capacity);

        // Late arrivals go where they belong; most arrive in order, so search from the end.
        var ticks = interaction.Timestamp.UtcTicks;
        var index = Timeline.Count;
        while (index > 0 && TimelineEntry.UtcTicks(Timeline[index - 1]) > ticks)
        {
            index--;
        }

        if (index == 0 && Timeline.Count >= capacity)
        {
            return; // older than everything kept in a full timeline
        }

        byte[]? oldest = null;
        if (Timeline.Count >= capacity)
        {
            // Full: the oldest goes, and its bytes take the new entry when they can.
            oldest = Timeline[0];
            Timeline.RemoveAt(0);
            index--;
        }

        Timeline.Insert(index, TimelineEntry.Encode(interaction, oldest));
        if (Timeline.Count > capacity)
        {
            Timeline.RemoveRange(0, Timeline.Count - capacity); // the capacity was lowered since the last load
        }
    }

    /// <summary>State saved by an older build kept whole interactions: encode them once, and forget what that build kept only for redelivery.</summary>
    private void MigrateLegacyTimeline(int capacity)
    {
        RecentlyAccepted = null;
        if (LegacyTimeline is { } legacy)
        {
            Timeline.InsertRange(0, legacy.TakeLast(capacity).Select(interaction => TimelineEntry.Encode(interaction)));
            LegacyTimeline = null;
        }
    }

    /// <summary>Counts one more; grows the array when a newer build added a channel or stage.</summary>
    private static long[] Count(long[] counts, int index, int length)
    {
        if (counts.Length < length)
        {
            Array.Resize(ref counts, length);
        }

        counts[index]++;
        return counts;
    }

    /// <summary>Interactions per channel the customer used (the outreach routing reads it).</summary>
    public ImmutableDictionary<Channel, long> ChannelsUsed() => NonZero<Channel>(ByChannel);

    private static ImmutableDictionary<TEnum, long> NonZero<TEnum>(long[] counts) where TEnum : struct, Enum =>
        counts.Select((count, index) => (count, index))
            .Where(c => c.count > 0)
            .ToImmutableDictionary(c => (TEnum)Enum.ToObject(typeof(TEnum), c.index), c => c.count);
}
