using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Redis;
using Microsoft.Extensions.Options;

namespace CxLive.Tests.Unit.Privacy;

/// <summary>Every process of a service pseudonymises alike, or says what to change (the record holds a fingerprint, never the key).</summary>
public sealed class PseudonymKeyRecordTests
{
    private static SharedSetting With(string? key) =>
        PseudonymKeyRecord.Setting(new PrivacyRules(Options.Create(new PrivacyOptions { PseudonymKey = key })));

    [Fact]
    public void The_same_key_agrees_and_the_record_does_not_give_it_away()
    {
        var key = new string('k', 40);
        var recorded = With(key).Here;

        Assert.Null(With(key).Mismatch("svc", recorded));
        Assert.Null(With(null).Mismatch("svc", With(null).Here));
        Assert.DoesNotContain(key, recorded.ToString(), StringComparison.Ordinal);
        Assert.Equal("none", (string?)With(null).Here);
    }

    [Fact]
    public void No_key_another_key_or_a_key_where_none_was_used_is_each_said_with_what_to_do()
    {
        var recorded = With(new string('k', 40)).Here;

        Assert.StartsWith("Privacy:PseudonymKey is not set here, but service 'svc' files customers under pseudonyms", With(null).Mismatch("svc", recorded));
        Assert.StartsWith("Privacy:PseudonymKey here is not the key service 'svc' pseudonymises with", With(new string('x', 40)).Mismatch("svc", recorded));
        Assert.Contains("delete that Redis key", With(new string('k', 40)).Mismatch("svc", "none"));
    }
}
