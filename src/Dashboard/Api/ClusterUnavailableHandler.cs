using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Redis;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace CxLive.Dashboard.Api;

/// <summary>
/// While no silo answers (a web front whose silos are all restarting, a cluster still forming), or
/// Redis does not (unreachable, paused, failing over), a request gets <c>503</c> with
/// <c>Retry-After</c> instead of a <c>500</c>: the caller may send the same request again, and
/// ingest ids make that safe.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var redis = IsRedisUnavailable(exception);
        if (!(redis || IsClusterUnavailable(exception)) || context.Response.HasStarted)
        {
            return false;
        }

        var what = redis ? "Redis" : "the cluster";
        logger.LogInformation("Answered 503 to {Method} {Path}: {What} did not answer ({Reason})", context.Request.Method, LogText.Safe(context.Request.Path.Value), what, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = redis ? "Storage is not answering" : "The cluster is not answering",
                Detail = $"{(redis ? "Redis did not answer" : "No silo answered")} in time. {WhatToDo(context.Request)}",
            },
        });
    }

    /// <summary>What the caller may do: ingest ids make sending again safe; a read is simply asked again; another change may have been made.</summary>
    private static string WhatToDo(HttpRequest request) =>
        ApiErrors.IsIngest(request) ? $"The interactions may or may not be stored: send the same request again after {RetryAfterSeconds} s (ids already recorded are skipped)."
        : HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? $"Ask again after {RetryAfterSeconds} s."
        : $"The change may or may not have been made: look before sending it again after {RetryAfterSeconds} s.";

    /// <summary>The failures that mean "Redis could not take this now".</summary>
    public static bool IsRedisUnavailable(Exception exception) => exception switch
    {
        RedisUnavailableException or StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException => true,
        // Orleans' Redis grain storage folds the cause into its message, without an inner exception.
        Orleans.Persistence.Redis.RedisStorageException storage => storage.Message.Contains("StackExchange.Redis.RedisConnectionException", StringComparison.Ordinal)
            || storage.Message.Contains("StackExchange.Redis.RedisTimeoutException", StringComparison.Ordinal),
        AggregateException { InnerExceptions: [var inner] } => IsRedisUnavailable(inner),
        _ => exception.InnerException is { } inner && IsRedisUnavailable(inner),
    };

    /// <summary>The failures that mean "no silo could take this now", as opposed to a fault in CxLive.</summary>
    public static bool IsClusterUnavailable(Exception exception) => exception switch
    {
        // A grain's records claimed by a newer activation while silos join or leave: asked again, the newer one answers.
        CxLive.Grains.Storage.ScopeClaimedElsewhereException or SiloUnavailableException or GatewayTooBusyException or Orleans.Runtime.Messaging.ConnectionFailedException or OrleansMessageRejectionException or TimeoutException => true,
        // The front's client before it first reached a gateway, or while it has none.
        OrleansException e when e.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => true,
        InvalidOperationException e when e.Message.Contains("not connected", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("not been initialized", StringComparison.OrdinalIgnoreCase) => true,
        // A client learns the grain types from the silos it reached: a front that has reached none
        // yet (started before them, or all gone) knows of no implementation of any grain.
        ArgumentException e when e.Message.StartsWith("Could not find an implementation", StringComparison.Ordinal) => true,
        AggregateException { InnerExceptions: [var inner] } => IsClusterUnavailable(inner),
        _ => exception.InnerException is { } inner && IsClusterUnavailable(inner),
    };
}
