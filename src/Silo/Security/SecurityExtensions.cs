using System.Globalization;
using System.Threading.RateLimiting;
using CxLive.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxLive.Security;

/// <summary>
/// Who may send: integrators authenticate with an API key (when keys are configured) and each key
/// has its own token bucket on the ingest API (docs/security.md).
/// </summary>
public static class SecurityExtensions
{
    public const string IntegratorPolicy = "integrator";
    public const string IngestRateLimit = "ingest";

    public static WebApplicationBuilder AddCxSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section)
            .Validate(o => o.ApiKeys.All(k => k.Name.Length > 0 && (k.Revoked || k.Sha256.Length == 64)), "Security:ApiKeys need a Name each and a 64-hex-digit Sha256 (dotnet CxLive.Silo.dll new-api-key NAME prints one)")
            .Validate(o => o.ApiKeys.Select(k => k.Name).Distinct().Count() == o.ApiKeys.Count, "Security:ApiKeys names must all be different")
            .Validate(o => o.RequestsPerSecond >= 1 && o.Burst >= 1 && o.ApiKeys.All(k => k.RequestsPerSecond is null or >= 1), "Security:RequestsPerSecond and Burst must be at least 1")
            .ValidateOnStart();

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IntegratorPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireRole(ApiKeyAuthentication.IntegratorRole));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(IngestRateLimit, context => PartitionFor(context));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                rejected.HttpContext.RequestServices.GetRequiredService<Telemetry.CxMetrics>().Rejected("rate-limited");
                await Problems.TooManyRequests($"this API key's limit of requests per second is reached; retry after {seconds} s")
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

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<ApiKeyOptions>>().CurrentValue;
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

    public static WebApplication UseCxSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The integrator an authenticated ingest request is from; null when ingestion is open.</summary>
    public static string? IntegratorOf(HttpContext context) =>
        context.User.HasClaim(c => c.Type == ApiKeyAuthentication.OpenClaim) ? null : context.User.Identity?.Name;
}
