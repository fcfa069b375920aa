using CxLive.Contracts.Agents;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Agents;

/// <summary>Refuses to start with outreach settings that cannot work: an unknown routing, agents without distinct ids, negative counts, a capacity no prompt fits in, a prompt dead on arrival.</summary>
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

        // An agent who can hold no prompt is never routed one and is refused every hand-made
        // assignment: off the roster is the way to take someone out of outreach.
        if (options.Capacity < 1)
        {
            errors.Add($"Outreach:Capacity is {options.Capacity}: it must be at least 1");
        }

        for (var i = 0; i < options.Agents.Count; i++)
        {
            if (options.Agents[i].Capacity is < 1 and var capacity)
            {
                errors.Add($"Outreach:Agents:{i}:Capacity is {capacity}: it must be at least 1 (to take {options.Agents[i].Id} out of outreach, remove her from Outreach:Agents)");
            }
        }

        foreach (var (rule, timeToLive) in options.TimeToLive.Where(t => t.Value <= TimeSpan.Zero))
        {
            errors.Add($"Outreach:TimeToLive:{rule} is {timeToLive}: it must be more than 00:00:00: a prompt withdrawn as soon as it is made never reaches an agent");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
