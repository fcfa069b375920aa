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

        if (options.DeadlineRecheck < TimeSpan.FromSeconds(1) || options.DeadlineRecheck > TimeSpan.FromHours(1))
        {
            errors.Add($"Customers:DeadlineRecheck is {options.DeadlineRecheck}: it must be from 00:00:01 to 01:00:00");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
