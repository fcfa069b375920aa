using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>"The points rewards are never what I want": failed or abandoned redemptions; a successful one resolves.</summary>
public sealed class PointsRedemptionFailureDetector : BurstDetector
{
    public const string RuleId = RuleIds.PointsRedemptionFailure;

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

    protected override Described Describe(List<BurstMark> run)
    {
        var span = SpanOf(run);
        var rewards = LabelsOf(run);
        var spanZh = SpanOfZh(run);
        return new(
            $"{Phrases.Count(run.Count, "points redemption failed", "points redemptions failed")} in {span}",
            rewards.Length == 0 ? $"{run.Count} redemptions failed or were abandoned in {span}." : $"{run.Count} redemptions failed or were abandoned in {span}: {rewards}",
            new SuggestedAction(Channel.Email, "We saw your points redemption didn't go through. Can we help you choose a reward or complete it?", "Offer help with the redemption, or an alternative reward."),
            new AlertText(
                $"{spanZh}内 {run.Count} 次积分兑换失败",
                rewards.Length == 0 ? $"{spanZh}内 {run.Count} 次兑换失败或被放弃。" : $"{spanZh}内 {run.Count} 次兑换失败或被放弃：{LabelsOfZh(run)}",
                "我们看到您的积分兑换没有成功。需要我们帮您选择奖励或完成兑换吗？",
                "主动协助完成兑换，或提供其他奖励。"));
    }

    protected override string ResolveReason(Interaction interaction) => "A redemption succeeded.";
}
