using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Privacy;

/// <summary>
/// Applies <see cref="PrivacyOptions"/> to what the ingest reader produces, HTTP and stream alike,
/// so nothing downstream (grains, alerts, pages, logs, Redis) ever holds a masked value or a real
/// customer id. Interactions CxLive writes itself (its own stream entries, outreach) are not read
/// through it again, so nothing is masked or hashed twice.
/// </summary>
public sealed class PrivacyRules
{
    public const string PseudonymPrefix = "cxp_";
    private const string Mask = "***";

    private readonly FrozenSet<string> _masked;
    private readonly byte[]? _key;

    public PrivacyRules(IOptions<PrivacyOptions> options)
    {
        _masked = options.Value.MaskedAttributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _key = string.IsNullOrEmpty(options.Value.PseudonymKey) ? null : Encoding.UTF8.GetBytes(options.Value.PseudonymKey);
    }

    /// <summary>No masking, no pseudonyms: for reading what CxLive already wrote.</summary>
    public static PrivacyRules None { get; } = new(Options.Create(new PrivacyOptions()));

    public bool Changes => _masked.Count > 0 || _key is not null;

    /// <summary>
    /// What the key makes of a fixed text, or null without a key: two processes with the same
    /// fingerprint pseudonymise alike, and the fingerprint does not give the key away.
    /// </summary>
    public string? KeyFingerprint => _key is null ? null : CustomerId("cxlive: the pseudonym key's fingerprint");

    /// <summary>The same id always gives the same pseudonym (so a customer stays one customer); without the key it cannot be reversed.</summary>
    public string CustomerId(string customerId)
    {
        if (_key is null)
        {
            return customerId;
        }

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(customerId), hash);
        return PseudonymPrefix + Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// Why a customer id asked for can match nothing: with a key every customer is kept under a
    /// pseudonym, so a query by the id as the integrator sent it ("alice") found nothing, silently.
    /// Null without a key, or for a pseudonym.
    /// </summary>
    public string? NotAPseudonym(string? customerId) =>
        _key is null || customerId is null || customerId.StartsWith(PseudonymPrefix, StringComparison.Ordinal)
            ? null
            : $"customers are kept under pseudonyms here ({PseudonymPrefix} and 32 hex digits, Privacy:PseudonymKey), never under the id sent: ask by the pseudonym your CRM computes from the id with the same key";

    /// <summary>"+86 138 0013 8000" → "***00": enough for an agent to match what the customer says, not enough to call them.</summary>
    public Dictionary<string, string>? Attributes(Dictionary<string, string>? attributes)
    {
        if (attributes is null || _masked.Count == 0 || !attributes.Keys.Any(_masked.Contains))
        {
            return attributes;
        }

        return attributes.ToDictionary(
            pair => pair.Key,
            pair => _masked.Contains(pair.Key) ? (pair.Value.Length >= 8 ? Mask + pair.Value[^2..] : Mask) : pair.Value,
            StringComparer.Ordinal);
    }
}
