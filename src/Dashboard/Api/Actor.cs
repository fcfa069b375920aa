using System.Security.Claims;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Security;

namespace CxLive.Dashboard.Api;

/// <summary>
/// Who did it, for an alert's history or a silence: the signed-in person, whatever the body claims
/// (an audit trail cannot be written by the audited); in an open install, what the body says, or
/// "supervisor".
/// </summary>
public static class Actor
{
    public const string Default = "supervisor";

    public static string Of(ClaimsPrincipal user, string? claimed) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: not OpenAuthentication.SchemeName, Name: { } name } ? name : claimed ?? Default;
}
