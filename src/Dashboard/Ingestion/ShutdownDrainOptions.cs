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

    /// <summary>The most it may be: the whole stop must fit in the host's 60 s and the service managers' 75 s.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public TimeSpan Drain { get; set; } = TimeSpan.Zero;

    /// <summary>On SIGTERM, the longest wait for the ingest requests in flight to finish (beside the drain, not after it).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The most the wait for requests in flight may be, as for the drain beside it: the host's whole
    /// stop is 60 s, and the stream's last checkpoint and the silo's leave come after it.
    /// </summary>
    public static readonly TimeSpan LongestTimeout = Longest;

    /// <summary>Refuses a drain the stop could not fit, naming the value given (an operator trial had to find which file said it).</summary>
    public sealed class Validator : IValidateOptions<ShutdownDrainOptions>
    {
        public ValidateOptionsResult Validate(string? name, ShutdownDrainOptions options) =>
            options.Drain < TimeSpan.Zero || options.Drain > Longest
                ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture, $"Shutdown:Drain is {options.Drain:c}: it must be from 00:00:00 to 00:00:30 (a stop must end within the host's 60 s)"))
                : options.Timeout < TimeSpan.Zero || options.Timeout > LongestTimeout
                    ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture, $"Shutdown:Timeout is {options.Timeout:c}: it must be from 00:00:00 to 00:00:30 (a stop must end within the host's 60 s)"))
                    : ValidateOptionsResult.Success;
    }
}
