using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;

namespace CxLive.Client;

/// <summary>Sends one batch once; failures worth retrying throw <see cref="RetryableException"/>.</summary>
internal interface ICxTransport
{
    Task<CxBatchResult> SendAsync(IReadOnlyList<CxInteraction> batch, CancellationToken cancellationToken);
}

/// <summary><c>POST /api/interactions</c> with a JSON array.</summary>
internal sealed class HttpTransport(Func<HttpClient> http, CxLiveClientOptions options) : ICxTransport
{
    public async Task<CxBatchResult> SendAsync(IReadOnlyList<CxInteraction> batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions")
        {
            Content = JsonContent.Create(batch, options: CxJson.Options),
        };
        if (options.ApiKey is { } key)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http().SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new RetryableException($"CxLive could not be reached: {e.Message}", null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RetryableException($"CxLive did not answer within {options.RequestTimeout}", null, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is 429 or 503 or 502 or 504)
            {
                throw new RetryableException($"CxLive answered {status} {response.ReasonPhrase}", RetryAfter(response.Headers.RetryAfter));
            }

            var body = await ReadAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted && body is not null)
            {
                return new CxBatchResult(body.Accepted, body.Duplicates, Rejections(batch, body.Rejected)) { Warnings = Warnings(batch, body.Warnings) };
            }

            if (response.StatusCode == HttpStatusCode.BadRequest && body?.Rejected is { Count: > 0 })
            {
                return new CxBatchResult(0, 0, Rejections(batch, body.Rejected)); // every item was bad
            }

            throw new CxLiveException($"CxLive refused the batch: {status} {body?.Detail ?? response.ReasonPhrase}", status);
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    private static async Task<Answer?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Answer>(CxJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<CxRejection> Rejections(IReadOnlyList<CxInteraction> batch, List<RejectedItem>? rejected) =>
        [.. (rejected ?? []).Where(r => r.Index >= 0 && r.Index < batch.Count).Select(r => new CxRejection(batch[r.Index], r.Errors))];

    private static List<CxWarning> Warnings(IReadOnlyList<CxInteraction> batch, List<WarnedItem>? warned) =>
        [.. (warned ?? []).Where(w => w.Index >= 0 && w.Index < batch.Count).Select(w => new CxWarning(batch[w.Index], w.Warning))];

    /// <summary>The 202 answer, or the problem details of a 400 in which every item was bad.</summary>
    private sealed record Answer(int Accepted, int Duplicates, List<RejectedItem>? Rejected, List<WarnedItem>? Warnings, string? Detail);

    private sealed record RejectedItem(int Index, string? Id, List<string> Errors);

    private sealed record WarnedItem(int Index, string? Id, string Warning);
}

/// <summary>
/// <c>XADD cxlive:interactions * data &lt;json&gt;</c>, one entry per interaction, pipelined. CxLive
/// validates when it reads the stream; every entry appended counts as accepted here.
/// </summary>
internal sealed class RedisTransport(IConnectionMultiplexer redis, string stream) : ICxTransport
{
    public async Task<CxBatchResult> SendAsync(IReadOnlyList<CxInteraction> batch, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        try
        {
            await Task.WhenAll(batch.Select(i => db.StreamAddAsync(stream, "data", JsonSerializer.Serialize(i, CxJson.Options)))).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            throw new RetryableException($"Redis could not be reached: {e.Message}", null, e);
        }

        return new CxBatchResult(batch.Count, 0, []);
    }
}
