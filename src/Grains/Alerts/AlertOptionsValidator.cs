using CxLive.Contracts.Alerts;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Alerts;

/// <summary>Refuses to start with alert settings that cannot work, naming each one.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = new List<string>();
        if (options.Partitions is < 1 or > 1024)
        {
            errors.Add("Alerts:Partitions must be from 1 to 1024");
        }

        if (options.ResolvedKept < 0)
        {
            errors.Add("Alerts:ResolvedKept must not be negative");
        }

        // Zero or less forgot every resolved alert at the next trim; past ten years the cut-off date underflows.
        if (options.ResolvedRetention is { } retention && (retention <= TimeSpan.Zero || retention > TimeSpan.FromDays(3650)))
        {
            errors.Add($"Alerts:ResolvedRetention is {retention}: it must be more than 00:00:00 and at most 3650.00:00:00 (leave it unset to keep resolved alerts up to ResolvedKept)");
        }

        if (options.EvidenceKept < 1)
        {
            errors.Add("Alerts:EvidenceKept must be at least 1");
        }

        if (options.BudgetPerCustomerPerDay < 1)
        {
            errors.Add("Alerts:BudgetPerCustomerPerDay must be at least 1");
        }

        if (options.EscalateAfter <= TimeSpan.Zero || options.ExpireAfter <= TimeSpan.Zero || options.IncidentLookback < TimeSpan.Zero)
        {
            errors.Add("Alerts:EscalateAfter and ExpireAfter must be positive, IncidentLookback not negative");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
