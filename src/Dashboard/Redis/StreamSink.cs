using System.Text.Json;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Ingestion;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// Redis mode's HTTP (and demo) ingestion: each interaction becomes one stream entry, exactly as an
/// integrator would <c>XADD</c> it, and the call returns once Redis has them all. From there the
/// stream consumers do the rest, so there is one path into the grains and one durability story.
/// A repeat of an id within the same request is reported as a duplicate at once; a repeat of an
/// earlier request's id is skipped by its customer grain when the entry is consumed. Entries are
/// marked as CxLive's own, so the consumer does not mask or pseudonymise what was already.
/// When Redis does not take them within <see cref="StreamOptions.AppendTimeout"/> the call throws
/// <see cref="RedisUnavailableException"/>, which the API answers with <c>503</c> + <c>Retry-After</c>.
/// </summary>
public sealed class StreamSink(RedisConnection redis, IOptions<StreamOptions> options, StreamWakeup wakeup) : IInteractionSink
{
    public async Task<DispatchResult> AcceptAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.AppendTimeout;
        var multiplexer = await redis.GetAsync().WaitAsync(timeout, cancellationToken);
        if (!multiplexer.IsConnected)
        {
            // Queuing behind a dead connection would only make the caller wait for the same answer.
            throw new RedisUnavailableException("Redis is not connected");
        }

        var db = multiplexer.GetDatabase();
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

        try
        {
            await Task.WhenAll(appends).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or RedisException)
        {
            throw new RedisUnavailableException($"Redis did not store the entries within {timeout.TotalSeconds:0.#} s", e);
        }

        wakeup.Pulse();
        return new DispatchResult(seen.Count, interactions.Count - seen.Count);
    }
}
