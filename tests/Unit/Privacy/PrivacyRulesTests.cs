using CxLive.Dashboard.Privacy;
using Microsoft.Extensions.Options;

namespace CxLive.Tests.Unit.Privacy;

public sealed class PrivacyRulesTests
{
    private static PrivacyRules Rules(string? key = null, params string[] masked) =>
        new(Options.Create(new PrivacyOptions { PseudonymKey = key, MaskedAttributes = [.. masked] }));

    private const string Key = "a-random-secret-of-at-least-32-characters";

    [Fact]
    public void Masked_attributes_keep_only_their_last_two_characters_and_the_others_are_untouched()
    {
        var masked = Rules(null, "phone", "EMAIL").Attributes(new() { ["phone"] = "+86 138 0013 8000", ["email"] = "li@x.cn", ["query"] = "red shoes" })!;

        Assert.Equal("***00", masked["phone"]);
        Assert.Equal("***", masked["email"]); // too short to show any of it
        Assert.Equal("red shoes", masked["query"]);
    }

    [Fact]
    public void A_pseudonym_is_stable_per_key_and_reveals_nothing_of_the_id()
    {
        var pseudonym = Rules(Key).CustomerId("alice@example.com");

        Assert.Equal(pseudonym, Rules(Key).CustomerId("alice@example.com"));
        Assert.StartsWith(PrivacyRules.PseudonymPrefix, pseudonym);
        Assert.Equal(PrivacyRules.PseudonymPrefix.Length + 32, pseudonym.Length);
        Assert.DoesNotContain("alice", pseudonym);
        Assert.NotEqual(pseudonym, Rules(Key + "x").CustomerId("alice@example.com"));
        Assert.NotEqual(pseudonym, Rules(Key).CustomerId("bob@example.com"));
    }

    [Fact]
    public void With_nothing_configured_nothing_changes()
    {
        var attributes = new Dictionary<string, string> { ["phone"] = "+86 138 0013 8000" };

        Assert.Same(attributes, Rules().Attributes(attributes));
        Assert.Equal("alice", Rules().CustomerId("alice"));
        Assert.False(Rules().Changes);
    }
}
