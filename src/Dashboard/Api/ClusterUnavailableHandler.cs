using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace CxLive.Api;

/// <summary>
/// While no silo answers (a web front whose silos are all restarting, a cluster still forming), a
/// request gets <c>503</c> with <c>Retry-After</c> instead of a <c>500</c>: the caller may send the
/// same request again, and ingest ids make that safe.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsClusterUnavailable(exception) || context.Response.HasStarted)
        {
            return false;
        }

        logger.LogInformation("Answered 503 to {Method} {Path}: the cluster did not answer ({Reason})", context.Request.Method, context.Request.Path, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is not answering",
                Detail = $"No silo answered in time; send the same request again after {RetryAfterSeconds} s (ids already recorded are skipped).",
            },
        });
    }

    /// <summary>The failures that mean "no silo could take this now", as opposed to a fault in CxLive.</summary>
    public static bool IsClusterUnavailable(Exception exception) => exception switch
    {
        SiloUnavailableException or GatewayTooBusyException or Orleans.Runtime.Messaging.ConnectionFailedException or OrleansMessageRejectionException or TimeoutException => true,
        // The front's client before it first reached a gateway, or while it has none.
        OrleansException e when e.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => true,
        InvalidOperationException e when e.Message.Contains("not connected", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("not been initialized", StringComparison.OrdinalIgnoreCase) => true,
        AggregateException { InnerExceptions: [var inner] } => IsClusterUnavailable(inner),
        _ => exception.InnerException is { } inner && IsClusterUnavailable(inner),
    };
}
