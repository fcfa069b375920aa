using System.Globalization;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// <c>Shutdown:Drain</c>, checked when the process starts (exit 78) rather than found out at the
/// stop. (The section's other settings are read where they are used.)
/// </summary>
public sealed class ShutdownDrainOptions
{
    public const string Section = "Shutdown";

    /// <summary>The most it may be: the whole stop must fit in the host's 60 s and the service managers' 75 s.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public TimeSpan Drain { get; set; } = TimeSpan.Zero;

    /// <summary>Refuses a drain the stop could not fit, naming the value given (an operator trial had to find which file said it).</summary>
    public sealed class Validator : IValidateOptions<ShutdownDrainOptions>
    {
        public ValidateOptionsResult Validate(string? name, ShutdownDrainOptions options) =>
            options.Drain >= TimeSpan.Zero && options.Drain <= Longest
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture, $"Shutdown:Drain is {options.Drain:c}: it must be from 00:00:00 to 00:00:30 (a stop must end within the host's 60 s)"));
    }
}
