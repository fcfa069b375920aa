using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>"The coupon never works": coupons refused at checkout; one that applies resolves.</summary>
public sealed class CouponRejectedDetector : BurstDetector
{
    public const string RuleId = "coupon-rejected";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Coupons keep being refused at checkout: the customer feels tricked by the offer.",
        Severity.Warning,
        BurstParameters("3", "Refused coupons that make the alert fire.", "00:30:00", "Longest time from the first to the last of them."));

    public override RuleDefinition Definition => Rule;

    protected override ExampleMoment BadExample =>
        new("coupon-applied", Channel.Web, "web/checkout", JourneyStage.Purchase, Outcome.Failure, Attributes: new Dictionary<string, string> { { "code", "WINTER10" } });

    protected override ExampleMoment? GoodExample =>
        new("coupon-applied", Channel.Web, "web/checkout", JourneyStage.Purchase);

    protected override JourneyStage DefaultStage => JourneyStage.Purchase;

    protected override Channel ActionChannel => Channel.Chat;

    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == "coupon-applied" ? interaction.Failed : null; // refused: bad; applied: good

    protected override string? Label(Interaction interaction) => interaction.Attribute("code");

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language) => language.Alert(
        RuleId,
        new() { ["count"] = run.Count, ["span"] = SpanOf(run, language), ["codes"] = LabelsOf(run, language) });
}
