using CxLive.Api;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxLive.Ingestion;

/// <summary><c>POST /api/interactions</c>: the HTTP entry point of the ingest contract.</summary>
public static class IngestEndpoint
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/interactions", IngestAsync)
            .WithName("IngestInteractions")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> IngestAsync(
        HttpRequest request,
        IInteractionSink sink,
        IOptions<IngestionOptions> options,
        TimeProvider time)
    {
        var limits = options.Value;
        var ndjson = IsNdjson(request.ContentType);
        if (!ndjson && !request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Content-Type must be application/json (an object or an array) or application/x-ndjson.");
        }

        ParsedBatch batch;
        try
        {
            var rules = ItemRules.At(time.GetUtcNow(), limits);
            batch = await RequestBody.ReadAsync(request, limits.MaxRequestBytes, body => ndjson
                ? BatchParser.ParseNdjson(body.Span, rules, limits.MaxItemsPerRequest)
                : BatchParser.ParseJson(body.Span, rules, limits.MaxItemsPerRequest));
        }
        catch (UnreadableBodyException e)
        {
            return Problems.BadRequest("Unreadable body", e.Message);
        }
        catch (BatchTooLargeException e)
        {
            return Problems.TooLarge(e.Message);
        }

        if (batch.ItemCount == 0)
        {
            return Problems.BadRequest("No interactions", "the body holds no interactions");
        }

        if (batch.Valid.Count == 0)
        {
            return Problems.BadRequest(
                "Every interaction was rejected",
                $"none of the {batch.ItemCount} items is valid; see 'rejected' for each item's reasons",
                new Dictionary<string, object?> { ["rejected"] = batch.Rejected });
        }

        var result = await sink.AcceptAsync(batch.Valid, request.HttpContext.RequestAborted);
        return Results.Json(new IngestResponse(result.Accepted, result.Duplicates, batch.Rejected), statusCode: StatusCodes.Status202Accepted);
    }

    private static bool IsNdjson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase));
}
