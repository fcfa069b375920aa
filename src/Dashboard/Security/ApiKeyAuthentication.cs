using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// <c>X-Api-Key</c> authentication for integrators. The presented key is hashed and compared in
/// constant time with every active key's hash; the principal is named after the key. While no key
/// is configured, an open install (Development, or <c>Security:Open</c>) lets every request in as the
/// open integrator (and the start-up banner says so); any other install refuses HTTP ingestion.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    SecuritySettings keys,
    IHostEnvironment environment,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string IntegratorRole = "integrator";

    /// <summary>The claim that marks the open (no keys configured) integrator: its interactions carry no source.</summary>
    public const string OpenClaim = "cxlive:open";

    private const string FailureItem = "cxlive:api-key-failure";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var options = keys.Current;
        var active = options.Active.ToList();
        if (active.Count == 0)
        {
            return Task.FromResult(options.IsOpen(environment)
                ? Success("open", new Claim(OpenClaim, "true"))
                : Fail("no API key is configured (Security:ApiKeys), so HTTP ingestion is closed"));
        }

        var presented = Request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(Fail($"the {Header} header is missing: ingestion needs an API key"));
        }

        var hash = ApiKeyHash.Of(presented);
        var match = active.FirstOrDefault(k => ApiKeyHash.Equal(hash, k.Sha256));
        return Task.FromResult(match is null ? Fail("the API key is unknown or revoked") : Success(match.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[FailureItem] as string ?? $"the {Header} header is missing: ingestion needs an API key";
        // Counted with the other refusals: a rotated or mistyped key is how an integration usually breaks.
        Context.RequestServices.GetRequiredService<CxMetrics>().Rejected("unauthorized");
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await Problems.Unauthorized(reason).ExecuteAsync(Context);
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        return AuthenticateResult.Fail(reason);
    }

    private AuthenticateResult Success(string name, params Claim[] extra)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, IntegratorRole), .. extra], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
