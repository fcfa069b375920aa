using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>"I waited too long to be served": one queue wait at or over the limit, or one the customer gave up on.</summary>
public sealed class LongWaitDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.LongWait;
    public const string Seconds = "seconds";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer waited too long in a queue, or gave up waiting.",
        Severity.Warning,
        [new(Seconds, ParameterKind.Number, "300", "A queue-wait score (seconds waited) at or above this fires the alert.") { Least = 1, Most = ScoreMeanings.MostQueueWaitSeconds }]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type != InteractionTypes.QueueWait)
        {
            return;
        }

        var gaveUp = interaction.Outcome == Outcome.Abandoned;
        if (!gaveUp && !(interaction.Score >= rule.Number(Seconds)))
        {
            return;
        }

        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new()
            {
                ["waited"] = interaction.Score is { } seconds ? language.Span(TimeSpan.FromSeconds(Math.Min(seconds, ScoreMeanings.MostQueueWaitSeconds))) : null,
                ["touchpoint"] = interaction.Touchpoint,
            },
            !gaveUp ? null : interaction.Score is null ? "gave-up-unmeasured" : "gave-up"));
        signals.Add(words.Raise(RuleId, rule.Severity, interaction.Timestamp) with
        {
            CustomerId = interaction.CustomerId,
            Touchpoint = interaction.Touchpoint,
            Stage = interaction.Stage ?? JourneyStage.Service,
            Evidence = [interaction.Id],
            SuggestedAction = words.Action(interaction.Channel == Channel.Store ? Channel.Sms : Channel.CallCenter),
        });
    }
}
