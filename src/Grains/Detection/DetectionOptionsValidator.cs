using Microsoft.Extensions.Options;

namespace CxLive.Grains.Detection;

/// <summary>Refuses to start with configured rule settings that do not compile, naming each rule and parameter.</summary>
public sealed class DetectionOptionsValidator(CustomerDetectors detectors) : IValidateOptions<DetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectionOptions options)
    {
        var errors = new List<string>();
        return RuleBook.TryCreate(detectors.Definitions, options.Rules, errors) is null
            ? ValidateOptionsResult.Fail(errors.Select(e => $"{DetectionOptions.Section}:Rules:{e}"))
            : ValidateOptionsResult.Success;
    }
}
