using CxLive.Contracts.Customers;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Customers;

/// <summary>Refuses to start with a customer grain that could keep no timeline or no ids, or would check its deadlines again too often or hardly ever.</summary>
public sealed class CustomerOptionsValidator : IValidateOptions<CustomerOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerOptions options)
    {
        var errors = new List<string>();
        if (options.TimelineCapacity < 1)
        {
            errors.Add("Customers:TimelineCapacity must be at least 1");
        }

        if (options.DedupCapacity < 1)
        {
            errors.Add("Customers:DedupCapacity must be at least 1");
        }

        // Negative, a stream entry delivered again was never passed on to its touchpoint; the cut-off
        // date is computed for every re-sent id, and a day covers any redelivery after a silo died.
        if (options.RedeliveryWindow < TimeSpan.Zero || options.RedeliveryWindow > TimeSpan.FromDays(1))
        {
            errors.Add($"Customers:RedeliveryWindow is {options.RedeliveryWindow}: it must be from 00:00:00 to 1.00:00:00");
        }

        if (options.DeadlineRecheck < TimeSpan.FromSeconds(1) || options.DeadlineRecheck > TimeSpan.FromHours(1))
        {
            errors.Add($"Customers:DeadlineRecheck is {options.DeadlineRecheck}: it must be from 00:00:01 to 01:00:00");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
