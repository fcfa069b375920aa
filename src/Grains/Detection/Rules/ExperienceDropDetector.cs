using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>
/// The customer's peak-end experience score (updated before any detector runs) falls below
/// <c>below</c>; it resolves only when the score recovers above <c>recoverAbove</c>, so a score
/// hovering around the line does not flap.
/// </summary>
public sealed class ExperienceDropDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.ExperienceDrop;
    public const string Below = "below";
    public const string RecoverAbove = "recoverAbove";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer's experience score has dropped: their recent moments were mostly bad.",
        Severity.Warning,
        [
            new(Below, ParameterKind.Number, "40", "The alert fires when the score (0-100) falls below this."),
            new(RecoverAbove, ParameterKind.Number, "60", "It resolves when the score rises above this."),
        ]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        var score = state.Experience.Score;
        if (state.DropSince is null && score < rule.Number(Below))
        {
            state.DropSince = interaction.Timestamp;
            signals.Add(new AlertSignal
            {
                Kind = SignalKind.Raise,
                RuleId = RuleId,
                CustomerId = interaction.CustomerId,
                Touchpoint = interaction.Touchpoint,
                Stage = interaction.Stage,
                Severity = rule.Severity,
                Title = $"Experience score fell to {score:0}",
                Detail = $"The customer's experience score is {score:0} of 100 after {interaction.Type} at {interaction.Touchpoint}.",
                Evidence = [interaction.Id],
                At = interaction.Timestamp,
                SuggestedAction = new SuggestedAction(
                    Channel.CallCenter,
                    "We noticed things haven't gone smoothly for you lately. Can I help put them right?",
                    "Read the customer's timeline first: the worst and the latest moments matter most."),
                Translations = AlertLanguages.InChinese(new AlertText(
                    $"体验分降至 {score:0}",
                    $"在 {interaction.Touchpoint} 发生 {interaction.Type} 后，客户的体验分为 {score:0}（满分 100）。",
                    "我们注意到您最近的体验不太顺利。我可以帮您解决吗？",
                    "先看客户的时间线：最糟和最近的时刻最重要。")),
            });
        }
        else if (state.DropSince is not null && score > rule.Number(RecoverAbove))
        {
            state.DropSince = null;
            signals.Add(AlertSignal.Resolved(RuleId, interaction.Timestamp, $"The experience score recovered to {score:0}.", customerId: interaction.CustomerId, evidence: interaction.Id));
        }
    }
}
