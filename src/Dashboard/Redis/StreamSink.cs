using System.Text.Json;
using CxLive.Ingestion;
using CxLive.Journeys;
using CxLive.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxLive.Redis;

/// <summary>
/// Redis mode's HTTP (and demo) ingestion: each interaction becomes one stream entry, exactly as an
/// integrator would <c>XADD</c> it, and the call returns once Redis has them all. From there the
/// stream consumers do the rest, so there is one path into the grains and one durability story.
/// A repeat of an id within the same request is reported as a duplicate at once; a repeat of an
/// earlier request's id is skipped by its customer grain when the entry is consumed. Entries are
/// marked as CxLive's own, so the consumer does not mask or pseudonymise what was already.
/// </summary>
public sealed class StreamSink(RedisConnection redis, IOptions<StreamOptions> options, StreamWakeup wakeup) : IInteractionSink
{
    public async Task<DispatchResult> AcceptAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var db = (await redis.GetAsync()).GetDatabase();
        var stream = options.Value.Stream;
        var seen = new HashSet<string>(interactions.Count, StringComparer.Ordinal);
        var appends = new List<Task>(interactions.Count);
        foreach (var interaction in interactions)
        {
            if (seen.Add(interaction.Id))
            {
                // Fire them all, then await: the multiplexer pipelines the XADDs in one round trip.
                appends.Add(db.StreamAddAsync(stream, StreamEntries.Written(JsonSerializer.SerializeToUtf8Bytes(interaction, CxJson.Options))));
            }
        }

        await Task.WhenAll(appends);
        wakeup.Pulse();
        return new DispatchResult(seen.Count, interactions.Count - seen.Count);
    }
}

/// <summary>Wakes this silo's stream consumer when this silo just appended entries, instead of waiting for its next poll.</summary>
public sealed class StreamWakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // another pulse got there first: the consumer wakes once either way
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
