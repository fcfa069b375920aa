using System.Collections.Concurrent;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Operations;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The hub, sign-in and every request that changes something answer browsers only from pages of
/// this site's own origin. <c>SameSite=Strict</c> keeps the cookie from other <i>sites</i>, but a
/// page on another port of the same host, or on a sibling subdomain (a dashboard, a mail UI), is
/// the same site: a security trial read the whole live wall from a page on another port of
/// 127.0.0.1 over a WebSocket (which no CORS check covers), and replaced a supervisor's session
/// with an agent's by posting a sign-in form. A body-less action (acknowledge, resolve) needs no
/// CORS preflight either. Programs (integrators, SignalR clients in .NET or Java, curl) send
/// neither header this looks at, and pass.
/// </summary>
public static class SameOriginOnly
{
    /// <summary>Origins refused so far, each logged once (bounded: beyond it, refusals are not logged).</summary>
    private static readonly ConcurrentDictionary<string, bool> Logged = new(StringComparer.Ordinal);

    public static IApplicationBuilder UseSameOriginForHubAndSignIn(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Guarded(context.Request) && CrossOrigin(context.Request) is { } origin)
        {
            if (Logged.Count < 100 && Logged.TryAdd(origin, true))
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SameOriginOnly).FullName!).LogWarning(
                    "Refused {Method} {Path} from a page of {Origin}, another origin than this address ({Host}). Behind a proxy, pass the browser's Host header with its port (nginx: proxy_set_header Host $http_host) or X-Forwarded-Host",
                    context.Request.Method, LogText.Safe(context.Request.Path.Value), LogText.Safe(origin), LogText.Safe(context.Request.Host.Value));
            }

            await Problems.Forbidden($"this address answers only its own pages: a request from {Quoted(origin)} is refused")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>The hub (its negotiation is a POST, its WebSocket a GET), and whatever changes something.</summary>
    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    /// <summary>
    /// Where a browser says the request came from, when that is not this site's own origin; null
    /// for the same origin, and for programs, which send neither header. <c>Sec-Fetch-Site</c> first
    /// (browsers compare origins themselves, scheme included, and no page can set it); else the
    /// <c>Origin</c> against the Host the request came to or the one a proxy forwarded (no page can
    /// set <c>X-Forwarded-Host</c> on a WebSocket or a form), by host and port: behind a proxy
    /// that ends TLS the request arrives as http.
    /// </summary>
    public static string? CrossOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none" ? null : origin.Length > 0 ? origin : site;
        }

        if (origin.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return origin; // "null" (a sandboxed frame, a page that sends no referrer), or nothing an origin looks like
        }

        var from = uri.Authority; // host[:port], the port left out when the scheme implies it; browsers send names in punycode, as Host
        var forwarded = request.Headers["X-Forwarded-Host"].ToString().Split(',')[0].Trim();
        return Same(from, request.Host.Value) || (forwarded.Length > 0 && Same(from, forwarded)) ? null : origin;
    }

    /// <summary>Host and port alike, a port the scheme implies (80, 443) left out.</summary>
    private static bool Same(string origin, string? host) =>
        host is not null && string.Equals(origin, host.EndsWith(":80", StringComparison.Ordinal) ? host[..^3] : host.EndsWith(":443", StringComparison.Ordinal) ? host[..^4] : host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The origin as the answer quotes it: the browser's own header, short and printable.</summary>
    private static string Quoted(string origin) => origin.Length <= 100 && !origin.Any(char.IsControl) ? $"'{origin}'" : "another origin";
}
