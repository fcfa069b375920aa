using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Security;
using CxLive.Grains.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxLive.Dashboard.Ingestion;

/// <summary><c>POST /api/interactions</c>: the HTTP entry point of the ingest contract.</summary>
public static class IngestEndpoint
{
    /// <summary>The operation's name, by which the OpenAPI document describes its body.</summary>
    public const string OperationName = "IngestInteractions";

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/interactions", HandleAsync)
            .WithName(OperationName)
            .WithTags("Ingestion")
            .WithSummary("Send interactions: one JSON object, a JSON array, or NDJSON")
            .ChecksQueryItself() // takes none: HandleAsync refuses any, before the body is read
            .Documents<Interaction>("application/json", "application/x-ndjson")
            .RequireRateLimiting(SecurityExtensions.IngestRateLimit)
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError); // as api.md's table says: sending the same items again is safe
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IInteractionSink sink,
        IOptions<IngestionOptions> options,
        CxMetrics metrics,
        PrivacyRules privacy,
        InFlightBatches inFlight,
        ILoggerFactory logs,
        TimeProvider time)
    {
        // ?foo=1 is refused whole, nothing read or kept: a parameter the integrator meant is not
        // one CxLive acted on. Free when there is no query, as on every well-formed batch.
        if (KnownQuery.Refusal(request, []) is { } refused)
        {
            metrics.Rejected("query");
            LogRefusal(request, refused, logs.CreateLogger("CxLive.Dashboard.Ingestion"));
            return refused;
        }

        if (!inFlight.TryEnter())
        {
            metrics.Rejected("stopping");
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.Problem(detail: "this CxLive process is stopping; send the request again (to another process behind the same address)", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Stopping");
        }

        try
        {
            var logger = logs.CreateLogger("CxLive.Dashboard.Ingestion");
            var result = await IngestAsync(request, sink, options, metrics, privacy, time, logger);
            LogRefusal(request, result, logger);
            return result;
        }
        finally
        {
            inFlight.Exit();
        }
    }

    /// <summary>
    /// A request refused whole (400, 413, 415) in one line an operator finds by the correlation id
    /// the integrator quotes: it was not logged at all, so "my batch was refused" led nowhere. The
    /// id is in the message itself, not only in the request's logging scope, which the plain console
    /// format does not print.
    /// </summary>
    private static void LogRefusal(HttpRequest request, IResult result, ILogger logger)
    {
        if (result is not ProblemHttpResult { StatusCode: StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType } problem)
        {
            return;
        }

        // Every item rejected: the first item's first reason says more than "none is valid".
        var reason = problem.ProblemDetails.Extensions.TryGetValue("rejected", out var rejected) && rejected is IReadOnlyList<RejectedItem> { Count: > 0 } items
            ? $"{problem.ProblemDetails.Detail}; first: {items[0].Errors.FirstOrDefault()}"
            : problem.ProblemDetails.Detail;
        // The reason may quote the body (the start of unreadable JSON): made safe for one log line.
        logger.LogInformation("Refused request {Method} {Path} from {Integrator} with {Status} (correlation id {CorrelationId}): {Reason}",
            request.Method, LogText.Safe(request.Path.Value), SecurityExtensions.IntegratorOf(request.HttpContext) ?? "open", problem.StatusCode,
            CorrelationIds.Of(request.HttpContext), LogText.Safe(reason));
    }

    private static async Task<IResult> IngestAsync(
        HttpRequest request,
        IInteractionSink sink,
        IOptions<IngestionOptions> options,
        CxMetrics metrics,
        PrivacyRules privacy,
        TimeProvider time,
        ILogger logger)
    {
        var limits = options.Value;
        var ndjson = IsNdjson(request.ContentType);
        if (!ndjson && !request.HasJsonContentType())
        {
            metrics.Rejected("content-type");
            return Problems.UnsupportedMediaType($"Content-Type must be application/json (an object or an array) or application/x-ndjson (or application/jsonl) (was {(string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType)}); with curl: -H 'content-type: application/json'");
        }

        // JSON is UTF-8 (RFC 8259); a body declared in another charset would be read as UTF-8 and its
        // non-ASCII text refused item by item as "not valid UTF-8": say so once, for the whole request.
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && HeaderUtilities.RemoveQuotes(mediaType.Charset).Value is { Length: > 0 } charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            metrics.Rejected("content-type");
            return Problems.UnsupportedMediaType($"charset={charset} is not read: send the body as UTF-8 (charset=utf-8, or no charset).");
        }

        // A compressed body read as JSON failed with "a control character (U+001F)": say what is wrong.
        if (request.Headers.ContentEncoding is { Count: > 0 } encoding && !string.Equals(encoding.ToString(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            metrics.Rejected("content-type");
            return Problems.UnsupportedMediaType($"Content-Encoding {encoding} is not supported: send the body uncompressed.");
        }

        ParsedBatch batch;
        try
        {
            var rules = ItemRules.At(time.GetUtcNow(), limits).ForIntegrator(SecurityExtensions.IntegratorOf(request.HttpContext)).WithPrivacy(privacy);
            batch = await RequestBody.ReadAsync(request, limits.MaxRequestBytes, body => ndjson
                ? BatchParser.ParseNdjson(body.Span, rules, limits.MaxItemsPerRequest)
                : BatchParser.ParseJson(body.Span, rules, limits.MaxItemsPerRequest));
        }
        catch (UnreadableBodyException e)
        {
            metrics.Rejected("unreadable-body");
            return Problems.BadRequest("Unreadable body", e.Message);
        }
        catch (BatchTooLargeException e)
        {
            metrics.Rejected("too-large");
            return Problems.TooLarge(e.Message);
        }

        foreach (var rejected in batch.Rejected)
        {
            metrics.Rejected(ReasonOf(rejected));
        }

        if (batch.ItemCount == 0)
        {
            metrics.Rejected("empty");
            return Problems.NoInteractions();
        }

        if (batch.Valid.Count == 0)
        {
            return Problems.NoneValid(batch);
        }

        if (batch.Rejected.Count > 0)
        {
            // The correlation id in the message: the line an operator searches for when an integrator quotes it.
            logger.LogInformation("Refused {Rejected} of {Items} interactions from {Integrator} (correlation id {CorrelationId}); first: {Reason}",
                batch.Rejected.Count, batch.ItemCount, SecurityExtensions.IntegratorOf(request.HttpContext) ?? "open",
                CorrelationIds.Of(request.HttpContext), LogText.Safe(batch.Rejected[0].Errors.FirstOrDefault()));
        }

        // Not the request's abort token: once read, a batch is delivered even if the caller hangs up (it is safe to re-send either way).
        var result = await sink.AcceptAsync(batch.Valid);
        metrics.Accepted(result.Accepted);
        metrics.Warned("http", batch.Warnings?.Count ?? 0);
        return Results.Json(new IngestResponse(result.Accepted, result.Duplicates, batch.Rejected, batch.Warnings), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// The top-level field of the item's first error ("timestamp: too far in the future" → timestamp,
    /// "attributes.phone: …" → attributes): a small, fixed set of label values, whatever integrators send.
    /// </summary>
    private static string ReasonOf(RejectedItem item)
    {
        var first = item.Errors.Count > 0 ? item.Errors[0] : "";
        var end = first.AsSpan().IndexOfAny(":.[");
        return end > 0 && end <= 32 && first.AsSpan(0, end).IndexOfAnyExcept(FieldCharacters) < 0 ? first[..end] : "item";
    }

    private static readonly System.Buffers.SearchValues<char> FieldCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static bool IsNdjson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase));
}
