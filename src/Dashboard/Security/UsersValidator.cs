using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Each person needs a name and a password hash as <c>hash-password</c> prints it, said with the
/// entries at fault. An integrator's trial gave a hash through the shell without quotes: the shell
/// took its <c>$…</c> parts for variables, and the start said the hash was missing.
/// </summary>
public sealed class UsersValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var unnamed = options.Users.Select((user, index) => (user, index)).Where(u => u.user.Name.Length == 0).Select(u => $"entry {u.index}").ToList();
        var unhashed = options.Users.Select((user, index) => (user, index))
            .Where(u => u.user.Name.Length > 0 && !PasswordHash.IsWellFormed(u.user.PasswordHash))
            .Select(u => $"entry {u.index} ({u.user.Name}: {(u.user.PasswordHash.Length == 0 ? "none given" : "not of that form")})")
            .ToList();
        List<string> errors = [];
        if (unnamed.Count > 0)
        {
            errors.Add($"Security:Users need a Name each: {string.Join(", ", unnamed)}");
        }

        if (unhashed.Count > 0)
        {
            errors.Add("Security:Users need a PasswordHash each as `dotnet CxLive.Silo.dll hash-password` prints it (pbkdf2-sha256$<iterations>$<salt>$<hash>; " +
                $"in a shell or a compose .env file, single-quote it, or its $ parts are read as variables): {string.Join(", ", unhashed)}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
