using System.Security.Cryptography;
using System.Text;

namespace CxLive.Dashboard.Security;

/// <summary>
/// Passwords as configured: <c>pbkdf2-sha256$iterations$salt$hash</c> (base64), PBKDF2 with SHA-256
/// and 210,000 iterations (OWASP's 2023 figure), a 16-byte random salt each; compared in constant time.
/// </summary>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 210_000;

    public static string Of(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not [Scheme, var iterationsText, var saltText, var hashText] || !int.TryParse(iterationsText, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var expected = Convert.FromBase64String(hashText);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool IsWellFormed(string stored) => stored.Split('$') is [Scheme, _, _, _];
}
