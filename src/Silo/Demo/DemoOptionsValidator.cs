using Microsoft.Extensions.Options;

namespace CxLive.Silo.Demo;

/// <summary>
/// Refuses demo settings the demo cannot run: checked whether the demo is on or not, so a setting
/// left in a file does not wait to fail until someone turns it on.
/// </summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    /// <summary>Far beyond what one machine sends; past about a billion, a session's spacing rounds to nothing and the demo never sends.</summary>
    private const double MostSessionsPerSecond = 10_000;

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var errors = new List<string>();
        if (options.Customers < 1)
        {
            errors.Add("Demo:Customers must be at least 1");
        }

        if (options.SessionsPerSecond is <= 0 or > MostSessionsPerSecond || !double.IsFinite(options.SessionsPerSecond))
        {
            errors.Add($"Demo:SessionsPerSecond must be more than 0 and at most {MostSessionsPerSecond:0}");
        }

        if (options.BadExperienceRate is < 0 or > 1 || double.IsNaN(options.BadExperienceRate))
        {
            errors.Add("Demo:BadExperienceRate must be from 0 to 1 (a share of sessions)");
        }

        if (options.Tick < TimeSpan.FromMilliseconds(1) || options.Tick > TimeSpan.FromHours(1))
        {
            errors.Add("Demo:Tick must be from 00:00:00.001 to 01:00:00");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
