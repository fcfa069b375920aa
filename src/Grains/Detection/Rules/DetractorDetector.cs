using System.Globalization;
using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>A survey answer that says the customer is unhappy (NPS or CSAT); an agent's successful outreach resolves it.</summary>
public sealed class DetractorDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.Detractor;
    public const string NpsAtMost = "npsAtMost";
    public const string CsatAtMost = "csatAtMost";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "A survey answer says the customer is unhappy (a detractor).",
        Severity.Warning,
        [
            new(NpsAtMost, ParameterKind.Number, "6", "An NPS answer (0-10, attribute scale=nps) at or below this fires the alert."),
            new(CsatAtMost, ParameterKind.Number, "2", "A CSAT answer (1-5, attribute scale=csat) at or below this fires the alert."),
        ]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.Outreach && interaction.Outcome == Outcome.Success && state.DetractorSince is { } since && interaction.Timestamp >= since)
        {
            state.DetractorSince = null;
            signals.Add(AlertSignal.Resolved(RuleId, interaction.Timestamp, "An agent reached the customer successfully.", customerId: interaction.CustomerId, evidence: interaction.Id));
            return;
        }

        if (interaction.Type != InteractionTypes.Survey || interaction.Score is not { } score)
        {
            return;
        }

        var scale = SurveyScales.Of(interaction);
        var limit = scale switch
        {
            "nps" => rule.Number(NpsAtMost),
            "csat" => rule.Number(CsatAtMost),
            _ => double.NaN,
        };
        if (!(score <= limit))
        {
            return;
        }

        state.DetractorSince ??= interaction.Timestamp;
        var answer = string.Create(CultureInfo.InvariantCulture, $"{scale!.ToUpperInvariant()} {score:0.#}");
        signals.Add(new AlertSignal
        {
            Kind = SignalKind.Raise,
            RuleId = RuleId,
            CustomerId = interaction.CustomerId,
            Touchpoint = interaction.Touchpoint,
            Stage = interaction.Stage ?? JourneyStage.Share,
            Severity = rule.Severity,
            Title = $"Detractor: {answer}",
            Detail = interaction.Attribute("comment") is { } comment
                ? $"Answered {answer} on {interaction.Touchpoint}: \"{comment}\""
                : $"Answered {answer} on {interaction.Touchpoint}.",
            Evidence = [interaction.Id],
            At = interaction.Timestamp,
            SuggestedAction = new SuggestedAction(
                Channel.CallCenter,
                "Thank you for your honest feedback. I'd like to understand what went wrong and put it right.",
                "Call within a day; listen first, then agree on a fix. Record the outcome."),
            Translations = AlertLanguages.InChinese(new AlertText(
                $"贬损者：{answer}",
                interaction.Attribute("comment") is { } said
                    ? $"在 {interaction.Touchpoint} 打分 {answer}：“{said}”"
                    : $"在 {interaction.Touchpoint} 打分 {answer}。",
                "感谢您坦诚的反馈。我想了解哪里出了问题，并为您解决。",
                "一天内致电；先倾听，再商定解决办法。记录结果。")),
        });
    }
}
