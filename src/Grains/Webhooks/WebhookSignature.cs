using System.Security.Cryptography;
using System.Text;
using CxLive.Contracts.Webhooks;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// <c>X-CxLive-Signature: sha256=&lt;hex&gt;</c>: the HMAC-SHA256 of the raw body, keyed with the
/// target's secret (UTF-8), in lower-case hex. A receiver computes the same over the bytes it
/// received and compares in constant time (docs/integrations.md shows C#, Python and Node).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-CxLive-Signature";
    public const string DeliveryHeader = "X-CxLive-Delivery";
    public const string EventHeader = "X-CxLive-Event";
    public const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
