using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Each API key needs a name and, unless revoked, a 64-hex-digit SHA-256: said with the entries at
/// fault ("entry 2 (acme-web-new)"), since a settings file with a dozen keys and one typo in a hash
/// otherwise leaves the operator comparing them by eye.
/// </summary>
public sealed class ApiKeysValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var bad = options.ApiKeys
            .Select((key, index) => (key, index))
            .Where(k => k.key.Name.Length == 0 || (!k.key.Revoked && !(k.key.Sha256.Length == 64 && k.key.Sha256.All(char.IsAsciiHexDigit))))
            .Select(k => k.key.Name.Length == 0 ? $"entry {k.index} (no Name)" : $"entry {k.index} ({k.key.Name})")
            .ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Security:ApiKeys need a Name each and a 64-hex-digit Sha256 (dotnet CxLive.Silo.dll new-api-key NAME prints one): {string.Join(", ", bad)}");
    }
}
