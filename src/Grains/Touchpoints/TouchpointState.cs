using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Detection;
using CxLive.Grains.Storage;

namespace CxLive.Grains.Touchpoints;

/// <summary>
/// Rolling counts of one touchpoint: totals, and a ring of 60 one-minute buckets in event time, so
/// any window up to an hour is a sum of at most 60 numbers. Orleans binary serializer (see CustomerState).
/// </summary>
[GenerateSerializer, Alias("cx.TouchpointState")]
public sealed class TouchpointState
{
    public const int Minutes = 60;

    [Id(0)] public long Total { get; set; }
    [Id(1)] public long Failures { get; set; }
    [Id(2)] public MinuteBucket[] Buckets { get; set; } = new MinuteBucket[Minutes];
    [Id(3)] public DateTimeOffset? LastSeen { get; set; }

    /// <summary>Ids of the latest failures, newest last: the evidence of a degradation alert.</summary>
    [Id(4)] public List<string> RecentFailures { get; set; } = [];

    /// <summary>When the open degradation alert was raised, and since when the rate has been back under the line.</summary>
    [Id(5)] public DateTimeOffset? DegradedSince { get; set; }
    [Id(6)] public DateTimeOffset? ClearSince { get; set; }

    /// <summary>What stream consumers delivered and have not acknowledged yet (Redis mode): redelivery is not counted twice.</summary>
    [Id(7)] public DeliveryLedger Deliveries { get; set; } = new();

    /// <summary>Since when the open silence alert has been raised, and the usual traffic per window it fell under.</summary>
    [Id(8)] public DateTimeOffset? SilentSince { get; set; }
    [Id(9)] public double UsualTraffic { get; set; }

    /// <summary>
    /// The failure rate the open degradation was raised against (the rest of the hour then), or
    /// <see cref="RaisedWithoutBaseline"/>: what recovery is judged by while it lasts. The hour it
    /// would otherwise read fills with the outage itself, so a 40-minute outage became "usual".
    /// Neither set: raised by a version that did not keep them, judged against the hour as before.
    /// </summary>
    [Id(10)] public double? RaisedAgainst { get; set; }
    [Id(11)] public bool RaisedWithoutBaseline { get; set; }

    /// <summary>An outage alert is open here, so the time check must go on even with no traffic.</summary>
    public bool Watched => DegradedSince is not null || SilentSince is not null;

    public const int FailuresKept = 10;

    public void Record(Interaction interaction)
    {
        Total++;
        var isFailure = BadMoments.IsTouchpointFailure(interaction);
        var failed = isFailure ? 1 : 0;
        Failures += failed;
        if (isFailure)
        {
            RecentFailures.Add(interaction.Id);
            if (RecentFailures.Count > FailuresKept)
            {
                RecentFailures.RemoveAt(0);
            }
        }

        LastSeen = LastSeen is { } last && last >= interaction.Timestamp ? last : interaction.Timestamp;

        var minute = interaction.Timestamp.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % Minutes);
        var bucket = Buckets[slot];
        if (bucket.Minute == minute)
        {
            Buckets[slot] = bucket with { Events = bucket.Events + 1, Failures = bucket.Failures + failed };
        }
        else if (bucket.Minute < minute)
        {
            Buckets[slot] = new MinuteBucket(minute, 1, failed);
        }

        // else: older than the hour the ring covers; counted in the totals only.
    }

    /// <summary>How many minutes of the hour before the last <paramref name="minutes"/> had any event: a usual rate stands on them.</summary>
    public int BusyMinutesBefore(DateTimeOffset now, int minutes)
    {
        var newest = now.ToUnixTimeSeconds() / 60;
        var busy = 0;
        foreach (var bucket in Buckets)
        {
            if (bucket.Events > 0 && bucket.Minute > newest - Minutes && bucket.Minute <= newest - minutes)
            {
                busy++;
            }
        }

        return busy;
    }

    /// <summary>Events and failures in the <paramref name="minutes"/> minutes up to and including <paramref name="now"/>'s minute.</summary>
    public WindowCounts Window(DateTimeOffset now, int minutes)
    {
        var newest = now.ToUnixTimeSeconds() / 60;
        long events = 0, failures = 0;
        foreach (var bucket in Buckets)
        {
            if (bucket.Minute > newest - minutes && bucket.Minute <= newest)
            {
                events += bucket.Events;
                failures += bucket.Failures;
            }
        }

        return new WindowCounts(events, failures);
    }
}
