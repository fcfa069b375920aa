using CxLive.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// A start refused because of a setting: the message names the setting and what to do. The host
/// prints it as one line and exits with <see cref="ExitCode"/>, without a stack trace.
/// </summary>
public sealed class ConfigurationError(string message, Exception? inner = null) : InvalidOperationException(message, inner)
{
    /// <summary>EX_CONFIG from sysexits.h; the systemd unit does not restart a silo that exits with it.</summary>
    public const int ExitCode = 78;

    /// <summary>
    /// The one-line explanation when <paramref name="exception"/> comes from configuration: CxLive's own
    /// refusals, options that failed validation at start, a value that does not convert to its type,
    /// or Orleans' own configuration checks. Null for anything else (a real bug keeps its stack trace).
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        AggregateException aggregate when aggregate.InnerExceptions.Select(Describe).ToList() is var lines && lines.All(l => l is not null) =>
            string.Join(" ", lines),
        ConfigurationError error => error.Message,
        OptionsValidationException invalid => string.Join(" ", invalid.Failures.Select(Sentence)),
        // ConfigurationBinder: "Failed to convert configuration value '...' at 'Section:Key' to type '...'."
        InvalidOperationException conversion when conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            conversion.Message.Contains("'System.TimeSpan'", StringComparison.Ordinal)
                ? conversion.Message + " A duration is hh:mm:ss or d.hh:mm:ss (00:00:10 is ten seconds)."
                : conversion.Message,
        Orleans.Runtime.OrleansConfigurationException orleans => "Orleans: " + orleans.Message,
        // Kestrel: "Failed to bind to address http://...: address already in use."
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } taken =>
            taken.Message.TrimEnd('.') + ": another process listens there; give this one its own (ASPNETCORE_URLS or --urls).",
        _ => null,
    };

    private static string Sentence(string failure) => failure.TrimEnd().EndsWith('.') ? failure.TrimEnd() : failure.TrimEnd() + ".";
}
