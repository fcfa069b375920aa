using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

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

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.PointsRedemption, Channel.App, "app/rewards", JourneyStage.Share, Outcome.Abandoned, Attributes: new Dictionary<string, string> { { "reward", "coffee voucher" } });

    protected override ExampleMoment? GoodExample =>
        new(InteractionTypes.PointsRedemption, Channel.App, "app/rewards", JourneyStage.Share);

    protected override JourneyStage DefaultStage => JourneyStage.Purchase;

    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.PointsRedemption ? interaction.Failed : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("reward");

    protected override Channel ActionChannel => Channel.Email;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var rewards = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new() { ["count"] = run.Count, ["span"] = SpanOf(run, language), ["rewards"] = rewards },
            rewards.Length == 0 ? "unlabelled" : null);
    }
}
