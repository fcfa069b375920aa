namespace CxLive.Dashboard.Security;

/// <summary>One person who signs in with a password at <c>/login</c> (<c>Security:Users</c>).</summary>
public sealed class UserAccount
{
    public string Name { get; set; } = "";

    /// <summary>PBKDF2-SHA256 (<c>dotnet CxLive.Silo.dll hash-password</c> prints one).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>supervisor</c>, <c>agent</c>, <c>admin</c>: one or more.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>For an agent: their id in <c>Outreach:Agents</c>, whose prompts they take.</summary>
    public string? AgentId { get; set; }
}
