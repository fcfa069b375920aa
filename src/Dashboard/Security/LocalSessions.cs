using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Sessions of the people in <c>Security:Users</c> (signed in at <c>/login</c>), held to the settings
/// in force on every request: a person the settings drop, or whose password they change, is signed
/// out at once, and one whose roles or agent id change has the new ones on the next request. The
/// cookie carries what sign-in wrote for up to 10 h, sliding: a security trial kept a removed agent's
/// prompts and a demoted admin's rule changes with the cookies they had. People signed in by an
/// identity provider are the provider's to manage.
/// </summary>
public static class LocalSessions
{
    /// <summary>A digest of the account's password hash: a new password ends the sessions signed in with the old one.</summary>
    public const string StampClaim = "cx:stamp";

    /// <summary>The person as sign-in writes them into the cookie.</summary>
    public static ClaimsPrincipal PrincipalOf(UserAccount account)
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, account.Name));
        identity.AddClaims(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (account.AgentId is { } agentId)
        {
            identity.AddClaim(new Claim(Access.AgentIdClaim, agentId));
        }

        identity.AddClaim(new Claim(StampClaim, Stamp(account)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The person as the settings in force have them: <paramref name="user"/> itself when nothing
    /// changed (or they did not sign in here), a new principal when their roles or agent id changed,
    /// null when they may no longer be signed in.
    /// </summary>
    public static ClaimsPrincipal? AsNow(ClaimsPrincipal user, SecurityOptions current)
    {
        if (!SignedInHere(user))
        {
            return user; // an identity provider's sign-in, an API key, the open demo
        }

        var account = current.Users.FirstOrDefault(u => string.Equals(u.Name, user.Identity!.Name, StringComparison.OrdinalIgnoreCase));
        // A cookie from a version before stamps has none: it is held to the name and roles only, so a
        // rolling upgrade signs nobody out.
        if (account is null || (user.FindFirst(StampClaim) is { } stamp && stamp.Value != Stamp(account)))
        {
            return null;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal);
        return roles.SequenceEqual(account.Roles.Order(StringComparer.Ordinal)) && user.AgentId() == account.AgentId && user.HasClaim(c => c.Type == StampClaim)
            ? user
            : PrincipalOf(account);
    }

    /// <summary>Whether the person signed in at <c>/login</c> (an identity provider's sign-in is another kind of identity).</summary>
    public static bool SignedInHere(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme, Name: not null };

    /// <summary>The cookie handler's check of each request's session (<c>OnValidatePrincipal</c>).</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = AsNow(context.Principal!, context.HttpContext.RequestServices.GetRequiredService<SecuritySettings>().Current);
        if (now is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (!ReferenceEquals(now, context.Principal))
        {
            context.ReplacePrincipal(now);
            context.ShouldRenew = true; // the cookie carries the new roles from now on
        }
    }

    private static string Stamp(UserAccount account) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.PasswordHash)).AsSpan(0, 8));
}
