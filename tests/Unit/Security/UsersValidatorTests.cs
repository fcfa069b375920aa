using CxLive.Dashboard.Security;

namespace CxLive.Tests.Unit.Security;

/// <summary>What the start says of people configured wrong: each entry at fault, and why.</summary>
public sealed class UsersValidatorTests
{
    private static readonly string Hash = PasswordHash.Of("s3cret-pass");

    [Fact]
    public void A_hash_the_shell_cut_short_is_said_to_be_malformed_not_missing()
    {
        // `Security__Users__0__PasswordHash=pbkdf2-sha256$210000$…` unquoted: the shell read "$210000" and the rest as variables.
        var result = new UsersValidator().Validate(null, new SecurityOptions
        {
            Users =
            [
                new() { Name = "sup", PasswordHash = "pbkdf2-sha25610000/x", Roles = ["supervisor"] },
                new() { Name = "", PasswordHash = Hash, Roles = ["supervisor"] },
                new() { Name = "li.na", PasswordHash = "", Roles = ["agent"], AgentId = "li.na" },
                new() { Name = "zhang.min", PasswordHash = Hash, Roles = ["supervisor"] },
            ],
        });

        Assert.True(result.Failed);
        var said = string.Join("\n", result.Failures!);
        Assert.Contains("entry 0 (sup: not of that form)", said);
        Assert.Contains("single-quote it", said);
        Assert.Contains("entry 2 (li.na: none given)", said);
        Assert.Contains("Security:Users need a Name each: entry 1", said);
        Assert.DoesNotContain("zhang.min", said);
    }

    [Fact]
    public void People_with_names_and_hashes_pass() =>
        Assert.True(new UsersValidator().Validate(null, new SecurityOptions { Users = [new() { Name = "zhang.min", PasswordHash = Hash, Roles = ["supervisor"] }] }).Succeeded);
}
