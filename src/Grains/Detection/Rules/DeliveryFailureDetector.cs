using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// "Nobody home, though someone was": delivery attempts that keep failing, the broken promise of
/// a delivery date. Two a day apart are two episodes of the experience score, neither deep enough
/// for a drop, so without this rule nothing caught them. A successful delivery resolves.
/// </summary>
public sealed class DeliveryFailureDetector : BurstDetector
{
    public const string RuleId = RuleIds.DeliveryFailure;

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Delivery attempts keep failing: the order the customer is waiting for does not arrive.",
        Severity.Warning,
        BurstParameters("2", "Failed or abandoned delivery attempts that make the alert fire.", "7.00:00:00", "Longest time from the first to the last of them (couriers try again a day or more apart)."));

    public override RuleDefinition Definition => Rule;

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.Delivery, Channel.Partner, "partner/courier", JourneyStage.Receive, Outcome.Failure, Attributes: new Dictionary<string, string> { { "orderId", "A-4410" }, { "reason", "nobody home" } });

    protected override ExampleMoment? GoodExample =>
        new(InteractionTypes.Delivery, Channel.Partner, "partner/courier", JourneyStage.Receive, Attributes: new Dictionary<string, string> { { "orderId", "A-4410" } });

    protected override JourneyStage DefaultStage => JourneyStage.Receive;

    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.Delivery ? interaction.Failed : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("orderId");

    protected override Channel ActionChannel => Channel.CallCenter;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var orders = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new() { ["count"] = run.Count, ["span"] = SpanOf(run, language), ["orders"] = orders },
            orders.Length == 0 ? "unlabelled" : null);
    }
}
