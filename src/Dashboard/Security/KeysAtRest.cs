using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CxLive.Dashboard.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The Data Protection key ring (what sign-in cookies and antiforgery tokens are encrypted with) as
/// stored: in Redis, shared by a cluster's processes; in embedded mode, ASP.NET Core's default (files
/// in the account's <c>~/.aspnet/DataProtection-Keys</c>). ASP.NET Core
/// stores it as plain XML unless told how to encrypt it, and warns when it makes a key ("No XML
/// encryptor configured"). With <c>DataProtection:Certificate</c> (a PKCS#12 file with its private
/// key; <c>DataProtection:CertificatePassword</c> if it has one) every new key is encrypted with that
/// certificate, and every process that has it reads them: whoever reads Redis cannot forge a cookie.
/// </summary>
public static class KeysAtRest
{
    public const string CertificateSetting = "DataProtection:Certificate";
    public const string PasswordSetting = "DataProtection:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeys(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        if (configuration[CertificateSetting] is not { Length: > 0 } path)
        {
            return dataProtection;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationError(
                $"{CertificateSetting} '{path}'{WhereRelative(path)} cannot be read as a PKCS#12 (.pfx) file: {e.Message.TrimEnd('.')}. Check the path, and {PasswordSetting} if the file has a password.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new ConfigurationError($"{CertificateSetting} '{path}'{WhereRelative(path)} has no private key: CxLive could encrypt keys with it but never read them back. Export the certificate with its private key.");
        }

        return dataProtection.ProtectKeysWithCertificate(certificate);
    }

    /// <summary>A relative path is read from the working directory, which a service manager may set elsewhere: say where it was looked for.</summary>
    private static string WhereRelative(string path) => Path.IsPathFullyQualified(path) ? "" : $" (looked for at {Path.GetFullPath(path)})";
}
