using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Operations;
using Microsoft.AspNetCore.Http;

namespace CxLive.Dashboard.Api;

/// <summary>Words for errors nobody answered on purpose: no stack trace leaves the server, only what to do.</summary>
public static class ApiErrors
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (CorrelationIds.Of(context.HttpContext) is { } id)
        {
            context.ProblemDetails.Extensions["correlationId"] = id; // what to quote when asking about this request
        }

        if (context.Exception is BadHttpRequestException bad)
        {
            // A value the framework could not bind (every CxLive endpoint checks its own values
            // first; this is the net under them): the client's mistake, said in the framework's words.
            context.ProblemDetails.Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(bad.StatusCode); // 400, or 413 for a body over Kestrel's limit
            context.ProblemDetails.Detail = bad.Message;
        }
        else if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
        {
            context.ProblemDetails.Detail = IsIngest(context.HttpContext.Request)
                ? "CxLive could not finish this request. Sending the same interactions again is safe: ids already recorded are skipped."
                : "CxLive could not finish this request. Try again; if it keeps failing, quote the correlationId.";
        }
        else if (context.ProblemDetails.Detail is null && IsApi(context.HttpContext.Request))
        {
            // Routing's own answers (no endpoint matched) carried a title only: say what to change.
            Unmatched(context.ProblemDetails, context.HttpContext);
        }
    }

    private static void Unmatched(Microsoft.AspNetCore.Mvc.ProblemDetails problem, HttpContext http)
    {
        var request = http.Request;
        var path = request.PathBase + request.Path;
        if (problem.Status == StatusCodes.Status404NotFound)
        {
            problem.Detail = $"no endpoint at {path}: the API reference is docs/api.md, and /openapi/v1.json or /scalar where the server offers them";
        }
        else if (problem.Status == StatusCodes.Status405MethodNotAllowed)
        {
            // Routing sets Allow (RFC 9110) before this runs: the detail says the same in words.
            var allow = http.Response.Headers.Allow.ToString();
            problem.Detail = allow.Length > 0
                ? $"{path} does not take {request.Method}; it takes {allow}"
                : $"{path} does not take {request.Method}";
        }
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>A post of interactions, which the integrator may send again as it is.</summary>
    public static bool IsIngest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api/interactions", StringComparison.OrdinalIgnoreCase);
}
