using System.Globalization;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// <c>Shutdown:Drain</c> and <c>Shutdown:Timeout</c>, checked when the process starts (exit 78)
/// rather than found out at the stop: a <c>Timeout</c> of <c>10s</c> started cleanly and, read only
/// at the stop, threw there, skipping the wait for requests in flight and the drain. (The section's
/// other settings, the silo's, are read by name where the silo host uses them, also at start.)
/// </summary>
public sealed class ShutdownDrainOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// The most either may be (they run side by side): the whole stop, with the stream's last
    /// checkpoint and the silo's leave after them, must fit in the host's 60 s and the service managers' 75 s.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public TimeSpan Drain { get; set; } = TimeSpan.Zero;

    /// <summary>On SIGTERM, the longest wait for the ingest requests in flight to finish (beside the drain, not after it).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Refuses a drain or a wait the stop could not fit, naming the value given (an operator trial had to find which file said it).</summary>
    public sealed class Validator : IValidateOptions<ShutdownDrainOptions>
    {
        public ValidateOptionsResult Validate(string? name, ShutdownDrainOptions options) =>
            (Refusal("Drain", options.Drain) ?? Refusal("Timeout", options.Timeout)) is { } refusal
                ? ValidateOptionsResult.Fail(refusal)
                : ValidateOptionsResult.Success;

        private static string? Refusal(string setting, TimeSpan value) =>
            value >= TimeSpan.Zero && value <= Longest
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{Section}:{setting} is {value:c}: it must be from 00:00:00 to 00:00:30 (a stop must end within the host's 60 s)");
    }
}
