using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Dashboard.Ingestion;

namespace CxLive.Dashboard.Api;

/// <summary>RFC 7807 problem details for every error CxLive answers, so clients parse one shape.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    /// <summary>A query-string or route value that is not valid: names the parameter and the reason.</summary>
    public static IResult InvalidParameter(string parameter, string reason) => FieldErrors.Of(parameter, reason).QueryProblem();

    /// <summary>Query parameters the endpoint does not read: each named, with what it does read.</summary>
    public static IResult UnknownParameters(IReadOnlyList<string> unknown, IReadOnlyList<string> known)
    {
        var reason = known.Count == 0 ? "unknown parameter; this endpoint takes none" : $"unknown parameter; this endpoint takes {string.Join(", ", known)}";
        return BadRequest("Unknown parameter", $"{string.Join(", ", unknown)}: {reason}", new Dictionary<string, object?>
        {
            ["errors"] = unknown.ToDictionary(name => name, _ => new[] { reason }),
        });
    }

    /// <summary>A body that was read but held no item: 400 for ingestion and back-tests alike.</summary>
    public static IResult NoInteractions() => BadRequest("No interactions", "the body holds no interactions");

    /// <summary>Every item of the body was rejected: 400, with each item's reasons.</summary>
    public static IResult NoneValid(ParsedBatch batch) => BadRequest(
        "Every interaction was rejected",
        $"none of the {batch.ItemCount} items is valid; see 'rejected' for each item's reasons",
        new Dictionary<string, object?> { ["rejected"] = batch.Rejected });

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found"); // as the framework titles a path with no endpoint

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated");

    /// <summary>ASP.NET Core gives other statuses a <c>type</c> (their RFC section) but not 429: this one names RFC 6585's.</summary>
    public static IResult TooManyRequests(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", type: "https://www.rfc-editor.org/rfc/rfc6585#section-4");

    /// <summary>A wait as <c>Retry-After</c> says it: whole seconds, rounded up, at least 1.</summary>
    public static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>A 429 with <c>Retry-After</c> in whole seconds (at least 1), which <paramref name="detail"/> is given to say.</summary>
    public static IResult TooManyRequests(HttpResponse response, TimeSpan retryAfter, Func<int, string> detail)
    {
        var seconds = WholeSeconds(retryAfter);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TooManyRequests(detail(seconds));
    }
}
