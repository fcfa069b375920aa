using CxLive.Alerts;
using CxLive.Detection.Rules;
using CxLive.Journeys;

namespace CxLive.Detection;

/// <summary>
/// Runs every enabled customer detector over one interaction. The one place that knows the
/// catalogue: grains, back-tests and unit tests all go through it.
/// </summary>
public sealed class CustomerDetectors
{
    private readonly ICustomerDetector[] _detectors;

    public CustomerDetectors(IEnumerable<ICustomerDetector> detectors) => _detectors = [.. detectors];

    /// <summary>The product's catalogue (product.md, "Detectors"): what grains, back-tests and tests run.</summary>
    public static CustomerDetectors Catalogue() => new(
    [
        new RepeatedFailedSearchDetector(),
        new OrderStatusFailureDetector(),
        new RecommendationRejectionDetector(),
        new PaymentFailureDetector(),
        new PointsRedemptionFailureDetector(),
        new PushFatigueDetector(),
        new LongWaitDetector(),
        new DetractorDetector(),
        new RepeatContactDetector(),
    ]);

    public IEnumerable<RuleDefinition> Definitions => _detectors.Select(d => d.Definition);

    public void Observe(RuleBook rules, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        foreach (var detector in _detectors)
        {
            if (rules.Enabled(detector.Definition.RuleId) is { } rule)
            {
                detector.Observe(rule, state, interaction, signals);
            }
        }
    }
}
