using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>"The guide keeps recommending things I don't want": rejected recommendations; a click resolves.</summary>
public sealed class RecommendationRejectionDetector : BurstDetector
{
    public const string RuleId = "irrelevant-recommendations";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer keeps rejecting recommendations: what we suggest is not what they want.",
        Severity.Info,
        BurstParameters("2", "Rejected recommendations that make the alert fire.", "00:30:00", "Longest time from the first to the last rejection."));

    public override RuleDefinition Definition => Rule;

    protected override JourneyStage DefaultStage => JourneyStage.Research;

    protected override BurstWindow WindowOf(CustomerDetectionState state) => state.Recommendations;

    protected override bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.RecommendationRejected => true,
        InteractionTypes.RecommendationClicked => false,
        _ => null,
    };

    protected override string? Label(Interaction interaction) => interaction.Attribute("item") ?? interaction.Attribute("productId");

    protected override (string Title, string Detail, SuggestedAction? Action) Describe(List<BurstMark> run)
    {
        var span = Phrases.Span(run[^1].At - run[0].At);
        var items = Phrases.Quoted(run.Select(m => m.Label));
        return (
            $"{Phrases.Count(run.Count, "recommendation rejected", "recommendations rejected")} in {span}",
            items.Length == 0 ? $"{run.Count} recommendations rejected in {span} on {run[^1].Touchpoint}." : $"{run.Count} recommendations rejected in {span}: {items}",
            new SuggestedAction(
                Channel.App,
                "Tell us what you are looking for and we'll tailor our suggestions.",
                $"Rejected on {string.Join(", ", run.Select(m => m.Touchpoint).Distinct())}; review this customer's recommendation profile."));
    }

    protected override string ResolveReason(Interaction interaction) => "The customer clicked a recommendation.";
}
