using System.Text;

namespace CxLive.Dashboard.Security;

/// <summary>
/// <c>dotnet CxLive.Silo.dll hash-password</c>: asks for a password and prints its
/// <see cref="PasswordHash"/> for <c>Security:Users</c>. At a terminal it asks twice and shows
/// nothing of what is typed; from a pipe it reads one line. An empty password is refused.
/// Only the hash goes to standard output, so <c>$(...)</c> captures just that.
/// </summary>
public static class PasswordCommand
{
    public const int Refused = 1;

    public static int Run(TextReader input, TextWriter output, TextWriter messages, bool inputRedirected)
    {
        string? password;
        if (inputRedirected)
        {
            password = input.ReadLine();
        }
        else
        {
            password = ReadHidden(messages, "Password: ");
            if (password.Length > 0 && ReadHidden(messages, "Again, to be sure: ") != password)
            {
                messages.WriteLine("cxlive: the two passwords differ; nothing was hashed.");
                return Refused;
            }
        }

        if (string.IsNullOrEmpty(password))
        {
            messages.WriteLine("cxlive: refused: the password is empty.");
            return Refused;
        }

        output.WriteLine(PasswordHash.Of(password));
        messages.WriteLine("Put that line in the user's Security:Users:N:PasswordHash (docs/security.md).");
        return 0;
    }

    /// <summary>Reads a line at the terminal without echoing it (Console.ReadKey with intercept).</summary>
    private static string ReadHidden(TextWriter messages, string prompt)
    {
        // Asking whether a key waits sets the terminal up for reading keys (echo off) before the
        // prompt shows: a password typed the moment the prompt appears is not echoed either.
        _ = Console.KeyAvailable;
        messages.Write(prompt);
        messages.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                messages.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
