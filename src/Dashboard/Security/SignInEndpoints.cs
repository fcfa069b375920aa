using System.Security.Claims;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Operations;
using CxLive.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// <c>POST /login</c> (the form of <c>/login</c>), <c>GET /signin</c>, <c>POST /logout</c>, and <c>GET /api/me</c>, which
/// tells the pages who is signed in. Configured users only; an identity provider signs people in itself.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/login", LoginAsync).ExcludeFromDescription();
        // Where a page sends someone it found signed out: the sign-in this install uses (its form, or
        // the identity provider), then back to the page. A page cannot tell which: /login is only the form.
        app.MapGet("/signin", (string? returnUrl) => Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrEmpty(returnUrl ?? "") is { Length: > 0 } back ? back : "/" }))
            .ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary><c>GET /api/me</c>: who is signed in (any signed-in person; <c>WebTier</c> maps it under their policy).</summary>
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user, IOptions<SecurityOptions> options, IHostEnvironment environment) => Results.Ok(new Api.OpenApi.MeResponse(
            user.Identity?.Name,
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.AgentId(),
            options.Value.PeopleOpen(environment)))).AllowsQuery().Produces<Api.OpenApi.MeResponse>().WithTags("Session");
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, SecuritySettings options, SignInAttempts attempts, ILoggerFactory logs)
    {
        // A script that posts JSON got a 500 (reading a form from it throws); not a try at a password either.
        if (!context.Request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType($"POST /login takes the form fields username and password as application/x-www-form-urlencoded (was {(string.IsNullOrEmpty(context.Request.ContentType) ? "none" : context.Request.ContentType)}); with curl: -d username=... -d password=...");
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (attempts.Begin(address) is { } wait)
        {
            if (!context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
            {
                return Problems.TooManyRequests(context.Response, wait, seconds => $"{SignInAttempts.FailuresPerMinute} failed sign-ins a minute from this address; retry after {seconds} s");
            }

            // The sign-in page's own form (a browser asks for HTML) is sent back to it, which says in
            // its language how long to wait: a browser showed the 429's JSON.
            var back = LocalOrEmpty((await context.Request.ReadFormAsync())["returnUrl"].ToString());
            return Results.Redirect($"/login?error=throttled&retry={Problems.WholeSeconds(wait)}&returnUrl={Uri.EscapeDataString(back)}");
        }

        var form = await context.Request.ReadFormAsync();
        var name = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var account = options.Current.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));

        // The hash is computed even for an unknown name, so timing does not tell which names exist.
        var valid = PasswordHash.Verify(password, account?.PasswordHash ?? UnknownUser) && account is not null;
        if (!valid)
        {
            // The name is anyone's text, sent before any sign-in: one line, however it is written.
            logs.CreateLogger("CxLive.Dashboard.Security.SignIn").LogWarning("Failed sign-in for {User} from {Address}", LogText.Safe(name.Length > 128 ? name[..128] + "…" : name), context.Connection.RemoteIpAddress);
            return Results.Redirect($"/login?error=1&returnUrl={Uri.EscapeDataString(LocalOrEmpty(returnUrl))}");
        }

        attempts.SignedIn(address);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LocalSessions.PrincipalOf(account!));
        var home = Access.SeesEverything(account!.Roles) ? "/" : "/agent";
        return Results.Redirect(LocalOrEmpty(returnUrl) is { Length: > 0 } local ? local : home);
    }

    private static readonly string UnknownUser = PasswordHash.Of(Guid.NewGuid().ToString());

    /// <summary>
    /// Only paths on this site: a sign-in must not bounce the browser to another one. Browsers drop
    /// tabs and line breaks from a URL, so "/&lt;TAB&gt;/evil.example" reads "//evil.example" (a
    /// security trial), and a line break in a Location header answered 500: no control characters.
    /// </summary>
    internal static string LocalOrEmpty(string url) =>
        url is ['/', ..] and not ['/', '/' or '\\', ..] && url.Length <= 2048 && !url.Any(char.IsControl)
            ? (url.Any(c => c > '\u007f') ? new Uri(new Uri("http://here"), url).PathAndQuery : url) // a Location header is ASCII: "/customers/张伟" answered 500
            : "";
}
