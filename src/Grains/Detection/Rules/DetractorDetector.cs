using System.Globalization;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

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
            new(NpsAtMost, ParameterKind.Number, "6", "An NPS answer (0-10, attribute scale=nps) at or below this fires the alert.") { Least = 0, Most = 10 },
            new(CsatAtMost, ParameterKind.Number, "2", "A CSAT answer (1-5, attribute scale=csat) at or below this fires the alert.") { Least = 1, Most = 5 },
        ]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.Outreach && interaction.Outcome == Outcome.Success && state.DetractorSince is { } since && interaction.Timestamp >= since)
        {
            state.DetractorSince = null;
            signals.Add(ResolvedSignal.Of(RuleId, interaction.Timestamp, HistoryNote.Resolution(RuleId, _ => new()), customerId: interaction.CustomerId, evidence: interaction.Id));
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
        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new() { ["answer"] = answer, ["touchpoint"] = interaction.Touchpoint, ["comment"] = interaction.Attribute("comment") },
            interaction.Attribute("comment") is null ? "no-comment" : null));
        signals.Add(words.Raise(RuleId, rule.Severity, interaction.Timestamp) with
        {
            CustomerId = interaction.CustomerId,
            Touchpoint = interaction.Touchpoint,
            Stage = interaction.Stage ?? JourneyStage.Share,
            Evidence = [interaction.Id],
            SuggestedAction = words.Action(Channel.CallCenter),
        });
    }
}
