using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>
/// Payments that fail in a row while the customer is trying to buy; an order placed resolves. A
/// good payment between failures does not start over: the order is what counts.
/// </summary>
public sealed class PaymentFailureDetector : BurstDetector
{
    public const string RuleId = "payment-failure";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Payments keep failing while the customer is trying to buy.",
        Severity.Warning,
        BurstParameters("2", "Failed payments that make the alert fire.", "00:15:00", "Longest time from the first to the last failed payment."));

    public override RuleDefinition Definition => Rule;

    protected override JourneyStage DefaultStage => JourneyStage.Purchase;

    protected override bool GoodBreaksRun => false;

    protected override BurstWindow WindowOf(CustomerDetectionState state) => state.Payments;

    protected override bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Payment when interaction.Failed => true,
        InteractionTypes.OrderPlaced when !interaction.Failed => false,
        _ => null,
    };

    protected override string? Label(Interaction interaction) => interaction.Attribute("method") ?? interaction.Attribute("reason");

    protected override (string Title, string Detail, SuggestedAction? Action) Describe(List<BurstMark> run)
    {
        var span = Phrases.Span(run[^1].At - run[0].At);
        var labels = Phrases.Quoted(run.Select(m => m.Label));
        return (
            $"{Phrases.Count(run.Count, "failed payment", "failed payments")} in {span}",
            labels.Length == 0 ? $"{run.Count} payments failed in {span} on {run[^1].Touchpoint}; no order yet." : $"{run.Count} payments failed in {span} ({labels}); no order yet.",
            new SuggestedAction(Channel.Chat, "It looks like your payment didn't go through. Can I help you complete your order?", "Offer another payment method or to place the order for them."));
    }

    protected override string ResolveReason(Interaction interaction) => "The customer placed the order.";
}
