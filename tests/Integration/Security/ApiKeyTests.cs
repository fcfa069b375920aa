using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Security;

/// <summary>An app with integrators' keys configured, as a production install would be.</summary>
public sealed class KeyedAppFixture : IDisposable
{
    public const string AcmeKey = "cxk_acme-test-key-0123456789abcdefghijklmnop";
    public const string SlowKey = "cxk_slow-test-key-0123456789abcdefghijklmnop";
    public const string RevokedKey = "cxk_gone-test-key-0123456789abcdefghijklmnop";

    public CxLiveApp App { get; } = new(new Dictionary<string, string?>
    {
        ["Security:RequestsPerSecond"] = "1",
        ["Security:Burst"] = "2",
        ["Security:ApiKeys:0:Name"] = "acme-web",
        ["Security:ApiKeys:0:Sha256"] = ApiKeyHash.Of(AcmeKey),
        ["Security:ApiKeys:0:RequestsPerSecond"] = "1000",
        ["Security:ApiKeys:1:Name"] = "slow-partner",
        ["Security:ApiKeys:1:Sha256"] = ApiKeyHash.Of(SlowKey),
        ["Security:ApiKeys:2:Name"] = "former-partner",
        ["Security:ApiKeys:2:Sha256"] = ApiKeyHash.Of(RevokedKey),
        ["Security:ApiKeys:2:Revoked"] = "true",
    });

    public void Dispose() => App.Dispose();
}

/// <summary>Integrators need a key once keys are configured; each is recorded and limited by its key.</summary>
public sealed class ApiKeyTests(KeyedAppFixture fixture) : IClassFixture<KeyedAppFixture>, IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Post(string? key, params Interaction[] interactions)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions") { Content = Body(interactions) };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyAuthentication.Header, key);
        }

        return request;
    }

    [Theory]
    [InlineData(null, "the X-Api-Key header is missing: ingestion needs an API key")]
    [InlineData("cxk_made-up", "the API key is unknown or revoked")]
    [InlineData(KeyedAppFixture.RevokedKey, "the API key is unknown or revoked")]
    public async Task Without_a_valid_key_ingestion_answers_401_with_the_reason_and_keeps_nothing(string? key, string reason)
    {
        var customer = NewCustomer();
        var before = await Metrics.ScrapeAsync(_http);
        var response = await _http.SendAsync(Post(key, FailedSearch(customer, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, Metrics.Moved(before, await Metrics.ScrapeAsync(_http), "cxlive_ingest_rejected_total", "reason=\"unauthorized\"")); // a broken integration shows on the dashboards
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(reason, (string)(await ReadObject(response))["detail"]!);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/customers/{customer}")).StatusCode); // nothing recorded
    }

    [Fact]
    public async Task Each_accepted_interaction_records_the_integrator_of_the_key_whatever_the_body_claims()
    {
        var customer = NewCustomer();
        var claimed = FailedSearch(customer, DateTimeOffset.UtcNow.AddMinutes(-1)) with { Source = "someone-else" };

        Assert.Equal(HttpStatusCode.Accepted, (await _http.SendAsync(Post(KeyedAppFixture.AcmeKey, claimed))).StatusCode);

        var timeline = (await ReadObject(await _http.GetAsync($"api/customers/{customer}")))["timeline"]!.AsArray();
        Assert.Equal("acme-web", (string)timeline.Single()!["source"]!);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_while_another_key_is_unaffected()
    {
        // slow-partner: 1 request/s with a burst of 2. Six at once: the bucket holds two.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _http.SendAsync(Post(KeyedAppFixture.SlowKey, FailedSearch(NewCustomer(), DateTimeOffset.UtcNow.AddMinutes(-1))))));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(limited.Count, 3, 4); // 2 (burst) + at most 1 replenished while they were sent
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds"));
        var problem = await ReadObject(limited[0]);
        Assert.Equal("Too many requests", (string)problem["title"]!);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", (string)problem["type"]!); // like every other status's problem

        Assert.Equal(HttpStatusCode.Accepted, (await _http.SendAsync(Post(KeyedAppFixture.AcmeKey, FailedSearch(NewCustomer(), DateTimeOffset.UtcNow.AddMinutes(-1))))).StatusCode);
    }
}

/// <summary>Keys are rotated by saving the settings file; a save with a mistake in it must not stop ingestion, nor keep a revoked key alive.</summary>
public sealed class KeySettingsReloadTests
{
    [Fact]
    public async Task A_settings_save_with_a_mistake_keeps_the_keys_before_in_force_less_those_it_revokes_and_says_so()
    {
        // An operator rotating a key saved one Sha256 with a typo: every ingest, valid keys included,
        // answered 500 while /health/ready said 200.
        using var app = new CxLiveApp(new Dictionary<string, string?>
        {
            ["Security:ApiKeys:0:Name"] = "acme-web",
            ["Security:ApiKeys:0:Sha256"] = ApiKeyHash.Of(KeyedAppFixture.AcmeKey),
            ["Security:ApiKeys:1:Name"] = "slow-partner",
            ["Security:ApiKeys:1:Sha256"] = ApiKeyHash.Of(KeyedAppFixture.SlowKey),
            ["Security:ApiKeys:3:Name"] = "steady-partner", // always one key in force: with none, a Development app is open
            ["Security:ApiKeys:3:Sha256"] = ApiKeyHash.Of("cxk_steady-test-key-0123456789abcdefghijklm"),
        }, keepLogs: true);
        using var http = app.CreateHttpClient();
        var settings = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        void Save(string key, string value)
        {
            settings[key] = value;
            try
            {
                settings.Reload();
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions.All(i => i is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException))
            {
                // The options monitor reads the new settings as it hears of them, and throws: on the
                // file watcher's thread in production, where it is dropped; here, on the test's.
            }
        }

        async Task<HttpStatusCode> IngestAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions") { Content = Body(FailedSearch(NewCustomer(), DateTimeOffset.UtcNow.AddMinutes(-1))) };
            request.Headers.Add(ApiKeyAuthentication.Header, key);
            return (await http.SendAsync(request)).StatusCode;
        }

        const string NewKey = "cxk_new-test-key-0123456789abcdefghijklmnopq";
        Assert.Equal(HttpStatusCode.Accepted, await IngestAsync(KeyedAppFixture.AcmeKey));

        // A new key with a typo in its hash: the keys before still serve, and the readiness says why.
        Save("Security:ApiKeys:2:Name", "acme-web-new");
        Save("Security:ApiKeys:2:Sha256", "09355876 typo");
        Assert.Equal(HttpStatusCode.Accepted, await IngestAsync(KeyedAppFixture.AcmeKey));
        var ready = await http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("the security settings saved are invalid, so the ones before stay in force", await ready.Content.ReadAsStringAsync());
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("Security:ApiKeys need a Name each", StringComparison.Ordinal) && r.Message.Contains("entry 2 (acme-web-new)", StringComparison.Ordinal));
        // Degraded is still ready everywhere it is said: the gauge Prometheus alerts on, and the pages' status.
        var report = await app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>()
            .CheckHealthAsync(c => c.Tags.Contains(CxLive.Dashboard.Operations.OperationsExtensions.ReadyTag));
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, report.Status);
        foreach (var publisher in app.Services.GetServices<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher>())
        {
            await publisher.PublishAsync(report, CancellationToken.None);
        }

        Assert.True(app.Services.GetRequiredService<CxLive.Dashboard.Hubs.ServiceStatusPush>().Current.Ready);
        Assert.Contains("cxlive_ready 1", await http.GetStringAsync("metrics"));

        // The same invalid file revoking a leaked key revokes it at once: a typo beside a revocation
        // must not keep the leaked key alive. And a value that does not convert is no 500.
        Save("Security:ApiKeys:0:Revoked", "true");
        Assert.Equal(HttpStatusCode.Unauthorized, await IngestAsync(KeyedAppFixture.AcmeKey));
        Assert.Equal(HttpStatusCode.Accepted, await IngestAsync(KeyedAppFixture.SlowKey));
        Save("Security:ApiKeys:1:Revoked", "yes");
        Assert.Equal(HttpStatusCode.Unauthorized, await IngestAsync(KeyedAppFixture.SlowKey));

        // The typos corrected: the new key is taken at once, as a rotation expects.
        Save("Security:ApiKeys:1:Revoked", "false");
        Save("Security:ApiKeys:2:Sha256", ApiKeyHash.Of(NewKey));
        Assert.Equal(HttpStatusCode.Accepted, await IngestAsync(NewKey));
        Assert.Equal(HttpStatusCode.Accepted, await IngestAsync(KeyedAppFixture.SlowKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await IngestAsync(KeyedAppFixture.AcmeKey));
        Assert.DoesNotContain("invalid", await (await http.GetAsync("health/ready")).Content.ReadAsStringAsync());
    }
}
