using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.Security;

/// <summary>
/// A Data Protection certificate CxLive could not decrypt with is refused at start, in words that
/// name the setting: keys encrypted with a certificate lacking its private key could never be read
/// back, and every sign-in would end at the next key.
/// </summary>
public sealed class KeysAtRestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cxlive-keys-").FullName;

    [Fact]
    public void A_certificate_without_its_private_key_stops_the_start_naming_the_setting()
    {
        using var rsa = RSA.Create(2048);
        using var withKey = new CertificateRequest("CN=cxlive-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
        var path = Path.Combine(_folder, "public-only.pfx");
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12));

        var refused = Assert.Throws<ConfigurationError>(() => ProtectWith(path));

        Assert.Equal($"DataProtection:Certificate '{path}' has no private key: CxLive could encrypt keys with it but never read them back. Export the certificate with its private key.", refused.Message);
    }

    [Fact]
    public void A_wrong_password_stops_the_start_naming_both_settings()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=cxlive-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "right"));

        var refused = Assert.Throws<ConfigurationError>(() => ProtectWith(path, "wrong"));

        Assert.StartsWith($"DataProtection:Certificate '{path}' cannot be read as a PKCS#12 (.pfx) file", refused.Message);
        Assert.Contains("DataProtection:CertificatePassword", refused.Message);
    }

    [Fact]
    public void A_relative_path_that_is_not_there_says_where_it_was_looked_for()
    {
        // A service manager may start CxLive in another working directory than the operator expects.
        var refused = Assert.Throws<ConfigurationError>(() => ProtectWith("secrets/keys.pfx"));

        Assert.StartsWith($"DataProtection:Certificate 'secrets/keys.pfx' (looked for at {Path.Combine(Environment.CurrentDirectory, "secrets", "keys.pfx")}) cannot be read", refused.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void ProtectWith(string path, string? password = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeysAtRest.CertificateSetting] = path,
            [KeysAtRest.PasswordSetting] = password,
        }).Build();
        new ServiceCollection().AddDataProtection().ProtectKeys(configuration);
    }
}
