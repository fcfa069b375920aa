using CxLive.Contracts.Customers;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Customers;
using CxLive.Grains.Hosting;
using CxLive.Grains.Telemetry;
using CxLive.Grains.Touchpoints;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxLive.Silo.Redis;

/// <summary>
/// Each silo's reader of <c>cxlive:interactions</c>, one consumer of a shared consumer group.
/// Reads a batch, hands it to the grains in one call per customer (in stream order per customer,
/// customers in parallel), and acknowledges only at a checkpoint: when every grain it fed has written
/// its state. What was acknowledged is therefore durable; what was not is delivered again after a
/// crash (this silo's own entries when it restarts, or another silo's via <c>XAUTOCLAIM</c>) and its
/// duplicates are skipped by id. Unreadable entries go to the dead-letter stream with the reason.
/// At most <see cref="StreamOptions.MaxPending"/> + one read of entries are held at a time.
/// </summary>
public sealed class InteractionStreamConsumer(
    RedisConnection redis,
    InteractionDispatcher dispatcher,
    CxMetrics metrics,
    PrivacyRules privacy,
    IGrainFactory grains,
    StreamWakeup wakeup,
    IOptions<StreamOptions> streamOptions,
    IOptions<IngestionOptions> ingestionOptions,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<InteractionStreamConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>Longest the last checkpoint of a stop may take (a stop under traffic takes well under a second).</summary>
    private static readonly TimeSpan LastCheckpointTimeout = TimeSpan.FromSeconds(10);

    private readonly StreamOptions _options = streamOptions.Value;
    private readonly List<RedisValue> _unacknowledged = [];
    private DeliveryCycle _cycle = null!;
    private IDatabase _db = null!;
    private long _cycleStarted;

    private string Consumer => _options.Consumer!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStartedAsync(stoppingToken); // the grains it feeds need the silo to have joined
        _db = (await redis.GetAsync()).GetDatabase();
        _cycle = new DeliveryCycle(Consumer);
        await RetryAsync("create the consumer group", EnsureGroupAsync, stoppingToken);
        logger.LogInformation("Reading stream {Stream} as {Consumer} in group {Group}", _options.Stream, Consumer, _options.Group);

        RedisValue position = "0"; // first what this consumer read before a restart and never acknowledged
        var nextReclaim = time.GetTimestamp();
        var nextTrim = time.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var from = position;
                var failed = false;
                var entries = await RetryAsync("read the stream", async () =>
                {
                    if (failed && from == StreamPosition.NewMessages)
                    {
                        // A read that failed may have been carried out all the same (a stalled Redis
                        // carries out what it was sent meanwhile), handing this consumer entries it never
                        // saw; they would wait for ReclaimAfter. So its own pending entries come first.
                        from = "0";
                    }

                    failed = true;
                    var read = await _db.StreamReadGroupAsync(_options.Stream, _options.Group, Consumer, from, _options.ReadCount);
                    failed = false;
                    return read;
                }, stoppingToken);
                if (from != StreamPosition.NewMessages)
                {
                    position = entries.Length == 0 ? StreamPosition.NewMessages : entries[^1].Id;
                }

                // Pending entries read again include those this consumer holds for its next checkpoint: not twice.
                var fresh = from == StreamPosition.NewMessages || _unacknowledged.Count == 0 ? entries : NotHeld(entries);
                await IngestAsync(fresh, redelivery: from != StreamPosition.NewMessages, stoppingToken);

                if (time.GetElapsedTime(nextReclaim) >= TimeSpan.Zero)
                {
                    await RetryAsync("reclaim stale entries", () => ReclaimAsync(stoppingToken), stoppingToken);
                    nextReclaim = time.GetTimestamp() + (long)(_options.ReclaimEvery.TotalSeconds * time.TimestampFrequency);
                }

                if (_options.TrimEvery > TimeSpan.Zero && time.GetElapsedTime(nextTrim) >= TimeSpan.Zero)
                {
                    await RetryAsync("trim acknowledged entries", () => StreamTrimmer.TrimAcknowledgedAsync(_db, _options.Stream), stoppingToken);
                    nextTrim = time.GetTimestamp() + (long)(_options.TrimEvery.TotalSeconds * time.TimestampFrequency);
                }

                var idle = entries.Length == 0;
                if (_unacknowledged.Count > 0 && (idle || _unacknowledged.Count >= _options.MaxPending || time.GetElapsedTime(_cycleStarted) >= _options.CheckpointInterval))
                {
                    await RetryAsync("checkpoint and acknowledge", CheckpointAsync, stoppingToken);
                }

                if (idle)
                {
                    await wakeup.WaitAsync(_options.IdlePoll, stoppingToken);
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // stopping in the middle of a step: whatever was not acknowledged is delivered again
        }

        if (_unacknowledged.Count > 0)
        {
            await CheckpointBeforeStoppingAsync();
        }
    }

    /// <summary>
    /// Stopping cleanly: acknowledges what the grains already have, so nothing is replayed needlessly.
    /// Only while Redis answers, and for at most <see cref="LastCheckpointTimeout"/>: the stop must end
    /// within the service manager's timeout (docs/operations.md, "Stopping"), and what is not
    /// acknowledged is delivered again, as after a crash.
    /// </summary>
    private async Task CheckpointBeforeStoppingAsync()
    {
        if (!await redis.AnswersAsync(TimeSpan.FromSeconds(2)))
        {
            logger.LogWarning("Stopping without the last checkpoint: Redis does not answer. The {Count} stream entries read since the last one are delivered again", _unacknowledged.Count);
            return;
        }

        using var grace = new CancellationTokenSource(LastCheckpointTimeout);
        try
        {
            // WaitAsync: one attempt waits on Redis and grain calls, which do not take the token.
            await RetryAsync("checkpoint before stopping", () => CheckpointAsync().WaitAsync(grace.Token), grace.Token);
        }
        catch (Exception) when (grace.IsCancellationRequested)
        {
            logger.LogWarning("Stopping without the last checkpoint: it did not finish within {Timeout}. The {Count} stream entries read since the last one are delivered again", LastCheckpointTimeout, _unacknowledged.Count);
        }
    }

    private async Task EnsureGroupAsync()
    {
        try
        {
            // From the stream's beginning: entries integrators added before CxLive first started count too.
            await _db.StreamCreateConsumerGroupAsync(_options.Stream, _options.Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>Reads the entries, parks the unreadable ones in the dead-letter stream, and feeds the rest to the grains.</summary>
    private async Task IngestAsync(StreamEntry[] entries, bool redelivery, CancellationToken stoppingToken)
    {
        if (entries.Length == 0)
        {
            return;
        }

        var valid = new List<Interaction>(entries.Length);
        var dead = new List<DeadLetter>();
        var warned = new List<(RedisValue Entry, ItemWarning Warning)>();
        var limits = ingestionOptions.Value;
        StreamEntries.Read(entries, ItemRules.At(time.GetUtcNow(), limits).WithPrivacy(privacy), limits.MaxItemsPerRequest, valid, dead, warned);
        if (warned.Count > 0)
        {
            // Over HTTP the sender reads each warning in the answer; a stream writer gets no answer.
            // One line per read, not per item: a survey integration without scales would write one per survey.
            metrics.Warned("stream", warned.Count);
            logger.LogWarning("Took {Count} stream items with warnings (read, but perhaps not as meant); the first, item {Id} of entry {EntryId}: {Warning}",
                warned.Count, LogText.Safe(warned[0].Warning.Id), warned[0].Entry, LogText.Safe(warned[0].Warning.Warning));
        }

        if (dead.Count > 0)
        {
            metrics.Rejected("stream-dead-letter", dead.Count);
            await RetryAsync("write dead letters", () => Task.WhenAll(dead.Select(d => _db.StreamAddAsync(_options.DeadLetters, d.Fields(Consumer)))), stoppingToken);
            foreach (var letter in dead)
            {
                // Not the entry's data: it may hold what privacy settings would have masked had it been readable.
                logger.LogWarning("Stream entry {EntryId} moved to {DeadLetters}: {Reason}", letter.EntryId, _options.DeadLetters, LogText.Safe(letter.Reason));
            }
        }

        if (valid.Count > 0)
        {
            // A retry is a delivery again: the first try may have reached some grains and not others.
            var again = redelivery;
            await RetryAsync("deliver interactions", async () =>
            {
                var delivering = dispatcher.DispatchAsync(valid, _cycle, again, StreamEntries.WrittenAt(entries));
                again = true;
                return await delivering;
            }, stoppingToken);
            _cycle.Delivered.AddRange(valid);
        }

        if (_unacknowledged.Count == 0)
        {
            _cycleStarted = time.GetTimestamp();
        }

        _unacknowledged.AddRange(entries.Select(e => e.Id));
    }

    private StreamEntry[] NotHeld(StreamEntry[] entries, HashSet<RedisValue>? held = null)
    {
        held ??= new HashSet<RedisValue>(_unacknowledged);
        return [.. entries.Where(e => !held.Contains(e.Id))];
    }

    /// <summary>Takes over entries another consumer read and left unacknowledged too long (it died), and ingests them.</summary>
    private async Task ReclaimAsync(CancellationToken stoppingToken)
    {
        RedisValue start = "0-0";
        HashSet<RedisValue>? held = null; // made once a look finds anything: up to MaxPending ids, and a takeover reads many pages
        do
        {
            var claimed = await _db.StreamAutoClaimAsync(
                _options.Stream, _options.Group, Consumer, (long)_options.ReclaimAfter.TotalMilliseconds, start, _options.ReadCount);
            // XAUTOCLAIM also hands back this consumer's own entries, held for its next checkpoint, once
            // that is later than ReclaimAfter (a slow batch or checkpoint under load): they were taken
            // again, their bad entries dead-lettered twice and the log saying "took over" for nothing.
            var taken = claimed.ClaimedEntries.Length > 0 && _unacknowledged.Count > 0 ? NotHeld(claimed.ClaimedEntries, held ??= [.. _unacknowledged]) : claimed.ClaimedEntries;
            if (taken.Length > 0)
            {
                logger.LogWarning("Took over {Count} stream entries left unacknowledged for over {ReclaimAfter}", taken.Length, _options.ReclaimAfter);
                await IngestAsync(taken, redelivery: true, stoppingToken);
            }

            if (claimed.DeletedIds.Length > 0)
            {
                // Trimmed from the stream while pending: there is nothing left to deliver.
                await _db.StreamAcknowledgeAsync(_options.Stream, _options.Group, claimed.DeletedIds);
            }

            start = claimed.NextStartId;
        }
        while (start != "0-0" && _unacknowledged.Count < _options.MaxPending);
    }

    /// <summary>
    /// Touchpoints write first, then customers, then the entries are acknowledged, then touchpoints
    /// forget the ids they held for this consumer. See docs/durability.md for why this order.
    /// </summary>
    private async Task CheckpointAsync()
    {
        while (true)
        {
            var touchpoints = await Task.WhenAll(_cycle.Touchpoints.Keys.Select(async t => (t, await grains.Ref<ITouchpointGrain>(t).CheckpointAsync())));
            var customers = await Task.WhenAll(_cycle.Customers.Keys.Select(async c => (c, await grains.Ref<ICustomerGrain>(c).CheckpointAsync())));
            foreach (var (touchpoint, activation) in touchpoints)
            {
                _cycle.Touchpoint(touchpoint, activation);
            }

            foreach (var (customer, activation) in customers)
            {
                _cycle.Customer(customer, activation);
            }

            if (!_cycle.Torn)
            {
                break;
            }

            // A grain this cycle fed started again elsewhere: its silo stopped (state written) or died
            // (state lost). Deliver the cycle again: grains that kept it skip the duplicates, fresh
            // ones take them anew. The mechanism working, not trouble: "a silo died" at warning level
            // was said at every rolling restart. A crash is logged by Orleans' membership.
            logger.LogInformation("A grain this consumer fed started again elsewhere (a silo stopped or died); delivering {Count} interactions again before acknowledging", _cycle.Delivered.Count);
            _cycle.ForgetActivations();
            await dispatcher.DispatchAsync(_cycle.Delivered, _cycle, redelivery: true);
        }
        foreach (var chunk in _unacknowledged.Chunk(_options.ReadCount))
        {
            await _db.StreamAcknowledgeAsync(_options.Stream, _options.Group, chunk);
        }

        await Task.WhenAll(_cycle.Touchpoints.Keys.Select(t => grains.Ref<ITouchpointGrain>(t).ReleaseAsync(Consumer)));
        _unacknowledged.Clear();
        _cycle.Clear();
    }

    private Task RetryAsync(string what, Func<Task> action, CancellationToken stoppingToken) =>
        RetryAsync(what, async () =>
        {
            await action();
            return true;
        }, stoppingToken);

    /// <summary>Retries with growing pauses until it works or the silo stops: entries are never skipped.</summary>
    private async Task<T> RetryAsync<T>(string what, Func<Task<T>> action, CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (e is not OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.Log(attempt < 5 ? LogLevel.Warning : LogLevel.Error, e, "Could not {What} (attempt {Attempt}); retrying in {Pause}", what, attempt, pause);
                await Task.Delay(pause, time, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
