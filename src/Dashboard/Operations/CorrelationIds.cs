using System.Buffers;
using System.Diagnostics;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// One id per request, to find it again in the logs: the caller's <c>X-Correlation-Id</c> when it is
/// a sensible token (an integrator's own request id), otherwise the W3C trace id. It is echoed in
/// the response header and in every problem body, and every log line of the request carries it (a
/// logging scope, printed by the JSON console formatter with <c>IncludeScopes</c>).
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "cxlive:correlation-id";
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var claimed = context.Request.Headers[Header].ToString();
        var id = claimed.Length is > 0 and <= 64 && claimed.AsSpan().IndexOfAnyExcept(Allowed) < 0
            ? claimed
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CxLive.Requests");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    });

    public static string? Of(HttpContext context) => context.Items[ItemKey] as string;
}
