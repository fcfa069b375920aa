using System.Security.Cryptography;
using System.Text;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Webhooks;

namespace CxLive.Tests.Unit.Webhooks;

/// <summary>The receiver's C# check, exactly as docs/integrations.md shows it, against CxLive's own signing.</summary>
public sealed class SignatureVerificationTests
{
    // --- as in docs/integrations.md ---
    static bool IsFromCxLive(byte[] body, string? signatureHeader, string secret)
    {
        if (signatureHeader is null || !signatureHeader.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        try
        {
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signatureHeader["sha256=".Length..]));
        }
        catch (FormatException)
        {
            return false;
        }
    }
    // --- end ---

    [Fact]
    public void The_documented_check_accepts_CxLive_signatures_and_refuses_a_changed_body_or_another_secret()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"0193","event":"alert.raised","alert":{"title":"3 searches found nothing"}}""");
        var header = WebhookSignature.Sign("shared-secret-of-16+", body);

        Assert.Matches("^sha256=[0-9a-f]{64}$", header);
        Assert.True(IsFromCxLive(body, header, "shared-secret-of-16+"));
        Assert.False(IsFromCxLive(body, header, "another-secret-of-16+"));
        Assert.False(IsFromCxLive([.. body, (byte)' '], header, "shared-secret-of-16+"));
        Assert.False(IsFromCxLive(body, "sha256=zz", "shared-secret-of-16+"));
    }

    [Fact]
    public void The_signature_is_the_known_HMAC_SHA256_test_vector() =>
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookSignature.Sign("Jefe", Encoding.UTF8.GetBytes("what do ya want for nothing?")));
}
