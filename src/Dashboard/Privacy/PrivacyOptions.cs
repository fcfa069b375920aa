namespace CxLive.Dashboard.Privacy;

/// <summary>
/// The <c>Privacy</c> section (docs/security.md, "Privacy"): which attribute values CxLive never
/// keeps, whether customer ids are replaced by pseudonyms at ingest, and how long an inactive
/// customer's state is kept in Redis.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Attribute names (case-insensitive) whose values are masked as they are read: never stored, shown or logged.</summary>
    public List<string> MaskedAttributes { get; set; } = [];

    /// <summary>When set, each customer id is replaced at ingest by <c>cxp_</c> + HMAC-SHA256(key, id): CxLive never sees the real one.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Redis mode: a customer's stored state disappears this long after their last change (null: kept until deleted).</summary>
    public TimeSpan? CustomerRetention { get; set; }
}
