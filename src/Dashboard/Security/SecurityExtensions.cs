using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Security;
using CxLive.Grains.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Who may send and who may see (docs/security.md): integrators authenticate with an API key and
/// each key has its own token bucket; people sign in (configured users with a cookie, or an OpenID
/// Connect provider) and their roles decide what they see. An open install (Development, or
/// <c>Security:Open</c>) with nothing configured lets everyone in, and says so.
/// </summary>
public static class SecurityExtensions
{
    public const string IngestRateLimit = "ingest";

    public static WebApplicationBuilder AddCxSecurity(this WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var peopleOpen = security.PeopleOpen(builder.Environment);
        if (!security.IsOpen(builder.Environment) && security.Users.Count == 0 && !security.Oidc.Configured)
        {
            throw new ConfigurationError(
                "CxLive will not start unprotected outside Development: configure people who may sign in (Security:Users, or an identity " +
                "provider in Security:Oidc), or set Security:Open=true to run without sign-in on a network you trust. See docs/security.md.");
        }

        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.ApiKeys.Select(k => k.Name).Distinct().Count() == o.ApiKeys.Count, "Security:ApiKeys names must all be different")
            .Validate(o => o.RequestsPerSecond >= 1 && o.Burst >= 1 && o.ApiKeys.All(k => k.RequestsPerSecond is null or >= 1), "Security:RequestsPerSecond and Burst must be at least 1")
            .Validate(o => o.Users.Select(u => u.Name.ToLowerInvariant()).Distinct().Count() == o.Users.Count, "Security:Users names must all be different")
            .Validate(o => o.Users.All(u => u.Roles.Count > 0 && u.Roles.All(r => r is Access.Supervisor or Access.Agent or Access.Admin)), "Security:Users roles must be supervisor, agent or admin (at least one each)")
            .Validate(o => o.Users.All(u => !u.Roles.Contains(Access.Agent) || !string.IsNullOrWhiteSpace(u.AgentId)), "Security:Users with the agent role need the AgentId of their Outreach:Agents entry")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, ApiKeysValidator>(); // names the entries at fault
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, UsersValidator>(); // the same for people
        builder.Services.AddSingleton<SecuritySettings>();
        builder.Services.AddSingleton<SignedInConnections>();
        builder.Services.AddSingleton<SignInAttempts>();
        builder.Services.AddHealthChecks().AddCheck<SecuritySettings>("security-settings", tags: [CxLive.Dashboard.Operations.OperationsExtensions.ReadyTag]);

        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = peopleOpen ? OpenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = peopleOpen ? OpenAuthentication.SchemeName
                    : security.Oidc.Configured && security.Users.Count == 0 ? ProviderForPages
                    : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            // Sign-in by identity provider only: a page goes to the provider, but an API call, the hub
            // and /metrics are answered 401 as everywhere else (they were redirected to the
            // provider's login page, 302, which a script or a SignalR client cannot follow).
            .AddPolicyScheme(ProviderForPages, null, o => o.ForwardDefaultSelector = context =>
                ForMachines(context.Request.Path) ? CookieAuthenticationDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, _ => { })
            .AddScheme<AuthenticationSchemeOptions, OpenAuthentication>(OpenAuthentication.SchemeName, _ => { })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "cxlive";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict; // no cross-site request carries it: the read/act APIs need no CSRF token
                o.ExpireTimeSpan = TimeSpan.FromHours(10); // a shift
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized, "sign in first (POST /login, or through the identity provider)");
                o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden, RoleRefusals.Why(context.HttpContext));
                o.Events.OnValidatePrincipal = LocalSessions.ValidateAsync;
            });
        if (security.Oidc.Configured)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Authority = security.Oidc.Authority;
                o.ClientId = security.Oidc.ClientId;
                o.ClientSecret = security.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.TokenValidationParameters.RoleClaimType = security.Oidc.RoleClaim;
                o.TokenValidationParameters.NameClaimType = "name";
                o.Events.OnTokenValidated = context =>
                {
                    // The agent id travels in CxLive's own claim, whatever the provider calls it.
                    if (context.Principal?.FindFirst(security.Oidc.AgentIdClaim) is { } agent && context.Principal.Identity is ClaimsIdentity identity)
                    {
                        identity.AddClaim(new Claim(Access.AgentIdClaim, agent.Value));
                    }

                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorizationBuilder().AddCxPolicies(); // who may do what: Access
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RoleRefusals>(); // a 403 names the roles needed

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(IngestRateLimit, context => PartitionFor(context));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.Zero;
                rejected.HttpContext.RequestServices.GetRequiredService<CxMetrics>().Rejected("rate-limited");
                await Problems.TooManyRequests(rejected.HttpContext.Response, retryAfter, seconds => $"too many requests from this API key; retry after {seconds} s")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>One token bucket per key; the open integrator (no keys configured) is not limited, so the demo and benchmarks run flat out.</summary>
    private static RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        var user = context.User;
        if (user.HasClaim(c => c.Type == ApiKeyAuthentication.OpenClaim) || user.Identity?.Name is not { } integrator)
        {
            return RateLimitPartition.GetNoLimiter("open");
        }

        var options = context.RequestServices.GetRequiredService<SecuritySettings>().Current;
        var perSecond = options.ApiKeys.FirstOrDefault(k => k.Name == integrator)?.RequestsPerSecond ?? options.RequestsPerSecond;
        return RateLimitPartition.GetTokenBucketLimiter(integrator, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.Burst, perSecond),
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private const string ProviderForPages = "cx-provider-for-pages";

    /// <summary>
    /// Paths read by programs, not people: refused with a status, never sent to a sign-in page (the
    /// OpenAPI document too: a code generator given the sign-in page's HTML fails on it unhelpfully).
    /// </summary>
    private static bool ForMachines(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/openapi");

    /// <summary>APIs and the hub answer 401/403 as problem details; pages go to the sign-in page.</summary>
    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (ForMachines(context.Request.Path))
        {
            return Results.Problem(detail: detail, statusCode: status, title: status == 401 ? "Not authenticated" : "Forbidden").ExecuteAsync(context.HttpContext);
        }

        // An agent who opens a supervisors' page (insights, from a bookmark or a shared link) lands on
        // their console, as the wall's address does: it answered a bare English "Your role does not allow this page".
        if (status == StatusCodes.Status403Forbidden && context.HttpContext.User is var user && user.AgentId() is not null && !user.SeesEverything() && context.Request.Path != "/agent")
        {
            context.Response.Redirect("/agent");
            return Task.CompletedTask;
        }

        // Anyone else refused a page (a supervisor on the admins' API reference) reads why in the
        // page's language, with the way back and the sign-out button: it was a line of English text.
        if (status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            // CxLive's own page, under the path of another's (Orleans' dashboard, the API reference):
            // it gets the policy of CxLive's pages, not the looser one that path has.
            context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.PagePolicy;
            var forAdmins = context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Access.AdminPolicy) == true;
            return DashboardExtensions.ForbiddenPage(forAdmins).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UseCxSecurity(this WebApplication app)
    {
        // Made now, so the settings valid at start are the ones to fall back on if a later save is not.
        app.Services.GetRequiredService<SecuritySettings>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The integrator an authenticated ingest request is from; null when ingestion is open.</summary>
    public static string? IntegratorOf(HttpContext context) =>
        context.User.HasClaim(c => c.Type == ApiKeyAuthentication.OpenClaim) ? null : context.User.Identity?.Name;
}
