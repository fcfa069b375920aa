using System.Security.Claims;
using System.Text.Encodings.Web;
using CxLive.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The open install's people (the demo, Development): everyone is let in as "demo" with every role,
/// so the pages and APIs work with no set-up. Used only when no user or identity provider is
/// configured and the install may run open (<see cref="SecurityOptions.PeopleOpen"/>).
/// </summary>
public sealed class OpenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Open";

    private static readonly ClaimsPrincipal Everyone = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "demo"),
            new Claim(ClaimTypes.Role, Access.Supervisor),
            new Claim(ClaimTypes.Role, Access.Agent),
            new Claim(ClaimTypes.Role, Access.Admin),
        ],
        SchemeName));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Everyone, SchemeName)));
}
