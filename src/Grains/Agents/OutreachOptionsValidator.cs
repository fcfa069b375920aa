using CxLive.Contracts.Agents;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Agents;

/// <summary>Refuses to start with outreach settings that cannot work: an unknown routing, agents without distinct ids, negative counts.</summary>
public sealed class OutreachOptionsValidator : IValidateOptions<OutreachOptions>
{
    public ValidateOptionsResult Validate(string? name, OutreachOptions options)
    {
        var errors = new List<string>();
        if (options.Routing is not (OutreachOptions.LeastLoaded or OutreachOptions.RoundRobin))
        {
            errors.Add("Outreach:Routing must be least-loaded or round-robin");
        }

        if (!options.Agents.All(a => a.Id.Length > 0) || options.Agents.Select(a => a.Id).Distinct().Count() != options.Agents.Count)
        {
            errors.Add("Outreach:Agents need an Id each, all different");
        }

        if (options.TimelineInPrompt < 0 || options.ReportedKept < 0)
        {
            errors.Add("Outreach:TimelineInPrompt and ReportedKept must not be negative");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
