using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Ingestion;

/// <summary>Refuses ingestion limits that would refuse every request, every back-test or every event.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var errors = new List<string>();
        if (options.MaxItemsPerRequest < 1)
        {
            errors.Add("Ingestion:MaxItemsPerRequest must be at least 1");
        }

        // A body is read into one array: past the largest array .NET makes, every request would fail.
        if (options.MaxRequestBytes < 1024 || options.MaxRequestBytes > Array.MaxLength)
        {
            errors.Add($"Ingestion:MaxRequestBytes must be from 1024 to {Array.MaxLength}");
        }

        if (options.MaxBacktestItems < 1)
        {
            errors.Add("Ingestion:MaxBacktestItems must be at least 1");
        }

        if (options.MaxBacktestBytes < 1024 || options.MaxBacktestBytes > Array.MaxLength)
        {
            errors.Add($"Ingestion:MaxBacktestBytes must be from 1024 to {Array.MaxLength}");
        }

        if (options.MaxClockSkew < TimeSpan.Zero)
        {
            errors.Add("Ingestion:MaxClockSkew must not be negative");
        }

        if (options.MaxEventAge <= TimeSpan.Zero)
        {
            errors.Add("Ingestion:MaxEventAge must be positive");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
