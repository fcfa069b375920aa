using CxLive.Contracts.Agents;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Agents;

/// <summary>Refuses to start with outreach settings that cannot work: an unknown routing, agents without distinct ids, negative counts, a prompt's time to live shorter than the desk looks or past what a date holds.</summary>
public sealed class OutreachOptionsValidator : IValidateOptions<OutreachOptions>
{
    private static readonly TimeSpan MinTimeToLive = OutreachDeskGrain.StaleCheckEvery; // a shorter time acts as this
    private static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(365);

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

        // Capacity bounds routing only: at 0 an agent is routed nothing new, and a supervisor may still
        // give them an alert, and they finish what they hold (off the roster, none of that works).
        if (options.Capacity < 0)
        {
            errors.Add($"Outreach:Capacity is {options.Capacity}: it must be 0 or more (0: prompts are routed to no one without a capacity of their own, and wait for a supervisor)");
        }

        for (var i = 0; i < options.Agents.Count; i++)
        {
            if (options.Agents[i].Capacity is < 0 and var capacity)
            {
                errors.Add($"Outreach:Agents:{i}:Capacity is {capacity}: it must be 0 or more (0: {options.Agents[i].Id} is routed no prompt, and a supervisor may still give them one)");
            }
        }

        // Prompts are looked at for their time every StaleCheckEvery; the longest keeps a prompt's
        // expiry within what a date can hold.
        foreach (var (rule, timeToLive) in options.TimeToLive.Where(t => t.Value < MinTimeToLive || t.Value > MaxTimeToLive))
        {
            errors.Add($"Outreach:TimeToLive:{rule} is {timeToLive}: it must be from {MinTimeToLive} to {MaxTimeToLive}");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
