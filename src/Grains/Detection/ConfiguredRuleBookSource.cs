using Microsoft.Extensions.Options;

namespace CxLive.Detection;

/// <summary>The rules as configuration sets them at start (checked by <see cref="DetectionOptionsValidator"/>).</summary>
public sealed class ConfiguredRuleBookSource(IOptions<DetectionOptions> options, CustomerDetectors detectors) : IRuleBookSource
{
    private readonly Lazy<RuleBook> _book = new(() =>
    {
        var errors = new List<string>();
        return RuleBook.TryCreate(detectors.Definitions, options.Value.Rules, errors)
            ?? throw new OptionsValidationException(DetectionOptions.Section, typeof(DetectionOptions), errors);
    });

    public RuleBook Current => _book.Value;
}
