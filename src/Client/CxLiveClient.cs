using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CxLive.Client;

/// <summary>
/// Streams interactions into CxLive. <see cref="EnqueueAsync"/> queues one and returns; a background
/// loop sends batches of up to <see cref="CxLiveClientOptions.MaxBatchSize"/>, or whatever has waited
/// <see cref="CxLiveClientOptions.LingerTime"/>, and retries network errors, <c>429</c> and
/// <c>503</c> with jittered exponential backoff (or the server's <c>Retry-After</c>). Retrying is
/// safe: CxLive skips ids it already has, and the client gives every interaction its id before the
/// first try. Items CxLive refuses are reported through <see cref="Rejected"/>, batches given up
/// through <see cref="BatchFailed"/>. Disposing sends what is still queued.
/// </summary>
public sealed class CxLiveClient : IAsyncDisposable
{
    private readonly ICxTransport _transport;
    private readonly CxLiveClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable? _owned;
    private readonly Channel<Entry> _queue;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _loop;
    private long _accepted, _duplicates, _rejected, _failed;

    internal CxLiveClient(ICxTransport transport, CxLiveClientOptions options, TimeProvider? time = null, ILogger? logger = null, IDisposable? owned = null)
    {
        if (options.MaxBatchSize < 1 || options.MaxAttempts < 1 || options.MaxQueuedInteractions < 1)
        {
            throw new ArgumentException("MaxBatchSize, MaxAttempts and MaxQueuedInteractions must be at least 1", nameof(options));
        }

        _transport = transport;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _owned = owned;
        _stopping = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(options.MaxQueuedInteractions) { SingleReader = true });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>A client over HTTP (<paramref name="http"/>, or one of its own) or Redis Streams, as the options say.</summary>
    public static CxLiveClient Create(CxLiveClientOptions options, HttpClient? http = null, TimeProvider? time = null, ILogger? logger = null)
    {
        if (options.Transport == CxTransportKind.Redis)
        {
            var redis = ConnectionMultiplexer.Connect(options.RedisConfiguration ?? throw new ArgumentException("RedisConfiguration is required for the Redis transport", nameof(options)));
            return new CxLiveClient(new RedisTransport(redis, options.RedisStream), options, time, logger, redis);
        }

        var own = http is null;
        http ??= new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.BaseAddress ??= WithTrailingSlash(options.BaseAddress ?? throw new ArgumentException("BaseAddress is required for the HTTP transport", nameof(options)));
        return new CxLiveClient(new HttpTransport(() => http, options), options, time, logger, own ? http : null);
    }

    /// <summary>A client appending to CxLive's stream through a connection the caller owns.</summary>
    public static CxLiveClient Create(CxLiveClientOptions options, IConnectionMultiplexer redis, TimeProvider? time = null, ILogger? logger = null) =>
        new(new RedisTransport(redis, options.RedisStream), options, time, logger);

    internal static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    /// <summary>Interactions CxLive refused, with its reasons (raised on the client's background loop).</summary>
    public event Action<CxRejection>? Rejected;

    /// <summary>Interactions CxLive accepted but may read otherwise than meant, with what to send instead (also logged).</summary>
    public event Action<CxWarning>? Warned;

    /// <summary>Batches given up: every try failed, or CxLive refused the whole request (e.g. 401, 413).</summary>
    public event Action<CxBatchFailure>? BatchFailed;

    /// <summary>A try failed and the client is about to wait <see cref="CxRetry.Delay"/> before the next.</summary>
    public event Action<CxRetry>? Retrying;

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long RejectedCount => Interlocked.Read(ref _rejected);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues one interaction (with an id made now if it has none); waits only while the queue is full.</summary>
    public ValueTask EnqueueAsync(CxInteraction interaction, CancellationToken cancellationToken = default) =>
        _queue.Writer.WriteAsync(new Entry(WithId(interaction), null), cancellationToken);

    /// <summary>Completes once everything queued before it has been sent (or reported as failed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Entry(null, flushed), cancellationToken);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends these interactions now, beside the queue, in batches of at most MaxBatchSize, with the
    /// same retries; answers what CxLive made of them. Throws <see cref="CxLiveException"/> when a
    /// batch is given up.
    /// </summary>
    public async Task<CxBatchResult> SendAsync(IEnumerable<CxInteraction> interactions, CancellationToken cancellationToken = default)
    {
        int accepted = 0, duplicates = 0;
        var rejected = new List<CxRejection>();
        var warned = new List<CxWarning>();
        foreach (var chunk in interactions.Select(WithId).Chunk(_options.MaxBatchSize))
        {
            var result = await SendWithRetriesAsync(chunk, cancellationToken);
            Count(result);
            (accepted, duplicates) = (accepted + result.Accepted, duplicates + result.Duplicates);
            rejected.AddRange(result.Rejected);
            warned.AddRange(result.Warnings);
        }

        return new CxBatchResult(accepted, duplicates, rejected) { Warnings = warned };
    }

    /// <summary>Sends what is queued (within FlushOnDisposeTimeout), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete())
        {
            _stopping.CancelAfter(_options.FlushOnDisposeTimeout);
        }

        await _loop;
        _stopping.Dispose();
        _owned?.Dispose();
    }

    private static CxInteraction WithId(CxInteraction interaction) =>
        interaction.Id is null ? interaction with { Id = Guid.CreateVersion7().ToString("N") } : interaction;

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<CxInteraction>(_options.MaxBatchSize);
        var flushes = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync())
        {
            using (var linger = new CancellationTokenSource(_options.LingerTime, _time))
            {
                while (batch.Count < _options.MaxBatchSize && flushes.Count == 0)
                {
                    if (reader.TryRead(out var entry))
                    {
                        Take(entry, batch, flushes);
                        continue;
                    }

                    try
                    {
                        if (!await reader.WaitToReadAsync(linger.Token))
                        {
                            break; // disposing: send what there is at once
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        break; // the first interaction has lingered long enough
                    }
                }
            }

            if (batch.Count > 0)
            {
                await SendQueuedAsync([.. batch]);
                batch.Clear();
            }

            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
        }
    }

    private static void Take(Entry entry, List<CxInteraction> batch, List<TaskCompletionSource> flushes)
    {
        if (entry.Interaction is { } interaction)
        {
            batch.Add(interaction);
        }
        else
        {
            flushes.Add(entry.Flushed!);
        }
    }

    private async Task SendQueuedAsync(CxInteraction[] batch)
    {
        try
        {
            var result = await SendWithRetriesAsync(batch, _stopping.Token);
            Count(result);
            foreach (var rejection in result.Rejected)
            {
                Raise(Rejected, rejection);
            }

            if (result.Warnings.Count > 0)
            {
                // One line per batch, not per item: an integration that leaves out a scale would otherwise write one for every survey.
                _logger.LogWarning("CxLive accepted {Count} interactions of a batch with warnings; the first, {Id}: {Warning}", result.Warnings.Count, result.Warnings[0].Interaction.Id, result.Warnings[0].Warning);
            }

            foreach (var warning in result.Warnings)
            {
                Raise(Warned, warning);
            }
        }
        catch (Exception e)
        {
            // Any failure is this batch's, reported: the loop goes on with the next (an exception
            // escaping it once ended the loop, lost the queue and crashed the application's shutdown).
            var reason = e is OperationCanceledException && _stopping.IsCancellationRequested
                ? new CxLiveException($"not sent: the client was disposed and FlushOnDisposeTimeout ({_options.FlushOnDisposeTimeout}) ran out before this batch went through", null, e)
                : e;
            Interlocked.Add(ref _failed, batch.Length);
            _logger.LogError(reason, "Gave up a batch of {Count} interactions: {Reason}", batch.Length, reason.Message);
            Raise(BatchFailed, new CxBatchFailure(batch, reason));
        }
    }

    private async Task<CxBatchResult> SendWithRetriesAsync(IReadOnlyList<CxInteraction> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _transport.SendAsync(batch, cancellationToken);
            }
            catch (RetryableException e) when (attempt < _options.MaxAttempts)
            {
                var delay = e.RetryAfter is { } after && after > TimeSpan.Zero ? after : Backoff(attempt);
                var wait = Task.Delay(delay, _time, cancellationToken); // armed before anyone hears of it
                _logger.LogWarning("Try {Attempt} of a batch of {Count} failed ({Reason}); trying again in {Delay}", attempt, batch.Count, e.Message, delay);
                Raise(Retrying, new CxRetry(attempt, delay, e.Message));
                await wait;
            }
            catch (RetryableException e)
            {
                throw new CxLiveException($"gave up after {attempt} tries: {e.Message}", null, e);
            }
        }
    }

    /// <summary>Exponential with "equal jitter": half the step, plus a random part of the other half, so clients that failed together do not return together.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var step = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(step / 2 + Random.Shared.NextDouble() * step / 2);
    }

    private void Count(CxBatchResult result)
    {
        Interlocked.Add(ref _accepted, result.Accepted);
        Interlocked.Add(ref _duplicates, result.Duplicates);
        Interlocked.Add(ref _rejected, result.Rejected.Count);
    }

    private void Raise<T>(Action<T>? handler, T value)
    {
        try
        {
            handler?.Invoke(value);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A CxLiveClient event handler failed");
        }
    }

    private sealed record Entry(CxInteraction? Interaction, TaskCompletionSource? Flushed);
}
