using CxLive.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The headers every response carries, so that a browser treats what CxLive sends as what it is:
/// text from integrators can never become script on a supervisor's screen even if a page were to
/// slip (docs/security.md, "The pages"). The pages themselves put outside text into the DOM only as
/// text; this is the second wall behind that.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// CxLive's own pages: scripts and styles only from this origin, no inline script, no eval,
    /// WebSockets back to this origin (CSP level 3 lets <c>'self'</c> match ws: and wss: on the same
    /// host), never framed, and Trusted Types required with no policy allowed: assigning a string to
    /// <c>innerHTML</c> (or any other HTML or script sink) throws instead of parsing it.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
        "require-trusted-types-for 'script'; trusted-types 'none'";

    /// <summary>
    /// Orleans' own dashboard (admins only) is a bundled single-page app that sets inline styles and
    /// loads fonts as data: URLs; it still gets no inline script, no eval and no framing.
    /// </summary>
    public const string OrleansDashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar, served from its package: no CDN) starts with an inline module
    /// script and injects styles. It shows only the OpenAPI document, never integrators' text, is
    /// admins-only outside Development, and still may not be framed, run eval or reach other hosts.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Paths (and what is below them) that are not CxLive's pages, with the policy each needs.</summary>
    private static readonly (PathString Prefix, string Policy)[] OtherPolicies =
    [
        ("/orleans", OrleansDashboardPolicy),
        ("/scalar", ApiReferencePolicy),
    ];

    public static IApplicationBuilder UseCxSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            // Customer ids sit in page addresses: none reaches another site. Same-origin requests keep
            // theirs, so a form posted by a page here says where it came from (with no-referrer a
            // browser sends "Origin: null" on it, which SameOriginOnly cannot tell from another site).
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return next(context);
        });

    public static string PolicyFor(PathString path)
    {
        foreach (var (prefix, policy) in OtherPolicies)
        {
            if (path.StartsWithSegments(prefix))
            {
                return policy;
            }
        }

        return PagePolicy;
    }
}
