using System.Security.Claims;
using CxLive.Dashboard.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CxLive.Tests.Unit.Security;

/// <summary>A session against the settings in force, as each request checks it.</summary>
public sealed class LocalSessionsTests
{
    private static readonly string Hash = PasswordHash.Of("correct horse battery staple");

    private static UserAccount Agent(string hash) => new() { Name = "li.na", PasswordHash = hash, Roles = ["agent"], AgentId = "li.na" };

    private static SecurityOptions With(params UserAccount[] users) => new() { Users = [.. users] };

    [Fact]
    public void An_unchanged_person_keeps_the_same_session()
    {
        var session = LocalSessions.PrincipalOf(Agent(Hash));

        Assert.Same(session, LocalSessions.AsNow(session, With(Agent(Hash))));
    }

    [Fact]
    public void A_person_removed_or_given_a_new_password_is_signed_out()
    {
        var session = LocalSessions.PrincipalOf(Agent(Hash));

        Assert.Null(LocalSessions.AsNow(session, With()));
        Assert.Null(LocalSessions.AsNow(session, With(Agent(PasswordHash.Of("a new password")))));
    }

    [Fact]
    public void New_roles_replace_the_ones_the_cookie_carried()
    {
        var session = LocalSessions.PrincipalOf(Agent(Hash));
        var promoted = Agent(Hash);
        promoted.Roles = ["supervisor"];

        var now = LocalSessions.AsNow(session, With(promoted));

        Assert.NotNull(now);
        Assert.True(now.IsInRole("supervisor"));
        Assert.False(now.IsInRole("agent"));
    }

    /// <summary>A rolling upgrade signs nobody out: a cookie from before stamps is held to name and roles, and given a stamp.</summary>
    [Fact]
    public void A_cookie_written_before_sessions_were_stamped_stays_signed_in_and_gets_a_stamp()
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaims([new Claim(ClaimTypes.Name, "li.na"), new Claim(ClaimTypes.Role, "agent"), new Claim(Access.AgentIdClaim, "li.na")]);

        var now = LocalSessions.AsNow(new ClaimsPrincipal(identity), With(Agent(Hash)));

        Assert.NotNull(now);
        Assert.True(now.HasClaim(c => c.Type == LocalSessions.StampClaim));
    }

    /// <summary>An identity provider's people are the provider's to manage; an API key is not a session.</summary>
    [Theory]
    [InlineData("AuthenticationTypes.Federation")]
    [InlineData("ApiKey")]
    public void Other_sign_ins_are_left_alone(string authenticationType)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, "supervisor")], authenticationType));

        Assert.Same(user, LocalSessions.AsNow(user, With()));
    }
}
