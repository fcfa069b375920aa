using System.Globalization;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// A survey answer that says the customer is unhappy (NPS or CSAT); an outreach that put it right
/// resolves it (an agent's report <c>resolved</c>, or an integrator's own outreach with outcome
/// success), and so does a later answer that says they are happy (a promoter's NPS, a satisfied
/// CSAT): an agent called a customer who had just answered 10 to ask what went wrong. A call that
/// only reached her (reported <c>contacted</c>) does not: an angry customer on the phone is not
/// recovered yet, and the agent follows it up to say how it ended.
/// </summary>
public sealed class DetractorDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.Detractor;
    public const string NpsAtMost = "npsAtMost";
    public const string CsatAtMost = "csatAtMost";
    public const string NpsClearsAt = "npsClearsAt";
    public const string CsatClearsAt = "csatClearsAt";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "A survey answer says the customer is unhappy (a detractor).",
        Severity.Warning,
        [
            new(NpsAtMost, ParameterKind.Number, "6", "An NPS answer (0-10, attribute scale=nps) at or below this fires the alert.") { Least = 0, Most = 10 },
            new(CsatAtMost, ParameterKind.Number, "2", "A CSAT answer (1-5, attribute scale=csat) at or below this fires the alert.") { Least = 1, Most = 5 },
            new(NpsClearsAt, ParameterKind.Number, "9", "A later NPS answer at or above this (a promoter) resolves the alert, recovered.") { Least = 0, Most = 10 },
            new(CsatClearsAt, ParameterKind.Number, "4", "A later CSAT answer at or above this (satisfied) resolves the alert, recovered.") { Least = 1, Most = 5 },
        ]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.Outreach && interaction.Outcome == Outcome.Success && !OutreachAttributes.OnlyReached(interaction)
            && state.DetractorSince is { } since && interaction.Timestamp >= since)
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
        var (limit, clears) = scale switch
        {
            "nps" => (rule.Number(NpsAtMost), rule.Number(NpsClearsAt)),
            "csat" => (rule.Number(CsatAtMost), rule.Number(CsatClearsAt)),
            _ => (double.NaN, double.NaN),
        };
        if (scale is null)
        {
            return;
        }

        var answer = string.Create(CultureInfo.InvariantCulture, $"{scale.ToUpperInvariant()} {score:0.#}");
        if (score >= clears && score > limit && state.DetractorSince is { } unhappySince && interaction.Timestamp >= unhappySince)
        {
            state.DetractorSince = null;
            signals.Add(ResolvedSignal.Of(RuleId, interaction.Timestamp, HistoryNote.Resolution(RuleId, _ => new() { ["answer"] = answer }, "survey"), customerId: interaction.CustomerId, evidence: interaction.Id));
            return;
        }

        if (!(score <= limit))
        {
            return;
        }

        state.DetractorSince ??= interaction.Timestamp;
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
