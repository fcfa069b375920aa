using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>How keys are stored: lowercase hex SHA-256. Keys are long random strings, so a fast hash is enough (no salt or stretching needed, unlike passwords).</summary>
public static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Equal(string hash, string configured) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(configured.Trim().ToLowerInvariant()));

    /// <summary>A new key: 32 random bytes, URL-safe base64 with a recognisable prefix (secret scanners find "cxk_").</summary>
    public static string NewKey() => "cxk_" + Base64UrlEncoder(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncoder(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
