namespace CxLive.Api;

/// <summary>RFC 7807 problem details for every error CxLive answers, so clients parse one shape.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    /// <summary>A query-string or route value that is not valid: names the parameter and the reason.</summary>
    public static IResult InvalidParameter(string parameter, string reason) =>
        BadRequest("Invalid parameter", $"{parameter}: {reason}", new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [parameter] = [reason] },
        });

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated");

    public static IResult TooManyRequests(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
}
