using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>Behind a load balancer a person's requests reach any silo: a sign-in on one holds on all of them, and through restarts.</summary>
[Collection(WaitingProcessCollection.Name)]
public sealed class SharedSignInTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_cookie_from_one_silo_is_accepted_by_another_by_a_web_front_and_after_a_restart()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        Dictionary<string, string> Settings() => SignInSettings(service);

        var secondSettings = Settings();
        var silos = await SiloProcess.StartAllAsync(SiloProcess.Silo, Settings(), secondSettings);
        await using var first = silos[0];
        await using var second = silos[1];

        // A browser's view: cookies sent by hand, redirects not followed.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var signIn = await browser.PostAsync(new Uri(first.BaseAddress, "login"), new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = "s3cret-pass" }));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cxlive=", StringComparison.Ordinal)).Split(';')[0];

        async Task<HttpStatusCode> AlertsAsync(SiloProcess silo)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.BaseAddress, "api/alerts?limit=1"));
            request.Headers.Add("Cookie", cookie);
            return (await browser.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(first));
        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(second));

        // A web front of the same cluster (an Orleans client, no silo in it) takes the same cookie.
        await using var front = await SiloProcess.StartAsync(SiloProcess.FrontSettingsFor(Settings()), SiloProcess.Front);
        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(front));

        second.Kill();
        await using var restarted = await SiloProcess.StartAsync(secondSettings);
        Assert.Equal(HttpStatusCode.OK, await AlertsAsync(restarted));

        // Without a certificate the key ring lies in Redis as plain XML: whoever reads Redis reads the key.
        Assert.Contains(await KeyRingAsync(service), key => key.Contains("<masterKey", StringComparison.Ordinal) && !key.Contains("<encryptedSecret", StringComparison.Ordinal));
    }

    /// <summary>
    /// With DataProtection:Certificate the key in Redis is encrypted (reading Redis no longer gives
    /// what forges a cookie), and sign-in still holds on another process that has the certificate: it
    /// reads the key back with it.
    /// </summary>
    [Fact]
    public async Task With_a_certificate_the_key_ring_in_Redis_is_encrypted_and_sign_in_still_holds_everywhere()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var pfx = Path.Combine(Path.GetTempPath(), $"cxlive-keys-{service}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=cxlive-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-pass"));
        }

        try
        {
            Dictionary<string, string> Settings()
            {
                var settings = SignInSettings(service);
                settings[KeysAtRest.CertificateSetting] = pfx;
                settings[KeysAtRest.PasswordSetting] = "pfx-pass";
                return settings;
            }

            // Each on its own ports (a copy of one's settings had the second fail to bind, and the
            // first answer for both).
            var silos = await SiloProcess.StartAllAsync(SiloProcess.Silo, Settings(), Settings());
            await using var first = silos[0];
            await using var second = silos[1];

            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            var signIn = await browser.PostAsync(new Uri(first.BaseAddress, "login"), new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = "s3cret-pass" }));
            var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cxlive=", StringComparison.Ordinal)).Split(';')[0];
            using var onSecond = new HttpRequestMessage(HttpMethod.Get, new Uri(second.BaseAddress, "api/alerts?limit=1"));
            onSecond.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(onSecond)).StatusCode);

            var ring = await KeyRingAsync(service);
            Assert.NotEmpty(ring);
            Assert.All(ring, key =>
            {
                Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    /// <summary>One hash for every process, as one settings file gives them all: a session is held to it.</summary>
    private static readonly string Hash = PasswordHash.Of("s3cret-pass");

    /// <summary>A silo of cluster <paramref name="service"/>, on its own ports, where zhang.min signs in as a supervisor.</summary>
    private Dictionary<string, string> SignInSettings(string service)
    {
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings.Remove("Security:Open");
        settings["Security:Users:0:Name"] = "zhang.min";
        settings["Security:Users:0:PasswordHash"] = Hash;
        settings["Security:Users:0:Roles:0"] = "supervisor";
        return settings;
    }

    private async Task<List<string>> KeyRingAsync(string service) =>
        [.. (await redis.Db.ListRangeAsync($"{service}/data-protection-keys")).Select(v => v.ToString())];
}
