using CxLive.Dashboard.Privacy;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// <c>Privacy:PseudonymKey</c> decides what every customer is filed under. A web front started
/// without it wrote real ids to the stream, which silos read as CxLive's own and did not
/// pseudonymise: the customer's history split in two, half of it under their real id, and nothing
/// said so. The key's fingerprint (never the key) is a <see cref="SharedSetting"/>.
/// </summary>
public static class PseudonymKeyRecord
{
    public const string Name = "pseudonym-key";

    /// <summary>Recorded when the service keeps customer ids as they are.</summary>
    public const string NoKey = "none";

    public static SharedSetting Setting(PrivacyRules privacy)
    {
        var here = privacy.KeyFingerprint ?? NoKey;
        return new(Name, here, (serviceId, recorded) => Mismatch(serviceId, here, recorded));
    }

    /// <summary>What to change, or null when this process pseudonymises as the service does (or nothing is recorded).</summary>
    public static string? Mismatch(string serviceId, string here, RedisValue recorded)
    {
        if (!recorded.HasValue || recorded == here)
        {
            return null;
        }

        var key = SharedSettings.Key(serviceId, Name);
        if (recorded == NoKey)
        {
            return $"Privacy:PseudonymKey is set here, but service '{serviceId}' recorded that it files customers under their ids as sent (Redis key '{key}', written by the first silo that started): with a key, each customer's new interactions would go under a pseudonym beside their old ones. If the other silos have this key, that first silo started without it: stop the processes without it, delete that Redis key and start them with the key. If the service never pseudonymised, remove the key here, or delete that Redis key to pseudonymise from now on.";
        }

        return here == NoKey
            ? $"Privacy:PseudonymKey is not set here, but service '{serviceId}' files customers under pseudonyms (Redis key '{key}' holds the key's fingerprint): without it this process would store real customer ids beside the pseudonymised ones. Set the same Privacy__PseudonymKey as on the silos."
            : $"Privacy:PseudonymKey here is not the key service '{serviceId}' pseudonymises with (Redis key '{key}' holds its fingerprint): each customer would be filed under a second pseudonym. Set the same key on every silo and web front.";
    }
}
