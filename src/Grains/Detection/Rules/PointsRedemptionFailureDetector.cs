using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>"The points rewards are never what I want": failed or abandoned redemptions; a successful one resolves.</summary>
public sealed class PointsRedemptionFailureDetector : BurstDetector
{
    public const string RuleId = "points-redemption-failure";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Points redemptions keep failing or being abandoned: the loyalty programme is letting the customer down.",
        Severity.Warning,
        BurstParameters("2", "Failed or abandoned redemptions that make the alert fire.", "1.00:00:00", "Longest time from the first to the last of them."));

    public override RuleDefinition Definition => Rule;

    protected override JourneyStage DefaultStage => JourneyStage.Purchase;

    protected override BurstWindow WindowOf(CustomerDetectionState state) => state.Redemptions;

    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.PointsRedemption ? interaction.Failed : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("reward");

    protected override (string Title, string Detail, SuggestedAction? Action) Describe(List<BurstMark> run)
    {
        var span = SpanOf(run);
        var rewards = LabelsOf(run);
        return (
            $"{Phrases.Count(run.Count, "points redemption failed", "points redemptions failed")} in {span}",
            rewards.Length == 0 ? $"{run.Count} redemptions failed or were abandoned in {span}." : $"{run.Count} redemptions failed or were abandoned in {span}: {rewards}",
            new SuggestedAction(Channel.Email, "We saw your points redemption didn't go through. Can we help you choose a reward or complete it?", "Offer help with the redemption, or an alternative reward."));
    }

    protected override string ResolveReason(Interaction interaction) => "A redemption succeeded.";
}
