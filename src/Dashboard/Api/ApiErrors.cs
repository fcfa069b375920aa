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

        if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
        {
            context.ProblemDetails.Detail =
                "CxLive could not finish this request. Sending the same interactions again is safe: ids already recorded are skipped.";
        }
    }
}
