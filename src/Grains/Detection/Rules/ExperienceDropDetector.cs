using System.Collections.Immutable;
using System.Globalization;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Experience;

namespace CxLive.Grains.Detection.Rules;

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
            new(Below, ParameterKind.Number, "40", "The alert fires when the score (0-100) falls below this.") { Least = 0, Most = 100 },
            new(RecoverAbove, ParameterKind.Number, "60", "It resolves when the score rises above this (at least below).") { Least = 0, Most = 100 },
        ])
    {
        // Under the line it fires, over it it clears: turned round, every score between would do both at once.
        Together = values => (double)values[RecoverAbove] < (double)values[Below]
            ? [$"parameters.{RecoverAbove}: must be at least {Below} ({Convert.ToString(values[Below], System.Globalization.CultureInfo.InvariantCulture)}): the alert would resolve while the score is still under the line that raised it"]
            : [],
    };

    /// <summary>The episode's latest bad moments named as evidence: enough to see what went wrong, few enough for the alert's size.</summary>
    public const int EvidenceShown = 5;

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        var score = state.Experience.Score;
        if (state.DropSince is null && score < rule.Number(Below))
        {
            state.DropSince = interaction.Timestamp;
            // Told by the bad moments that sank it, not by the one that tipped it, which may be a
            // good one: the card's touchpoint and evidence are where things went wrong.
            ImmutableArray<string> bad = [.. state.Experience.LatestBadMoments(EvidenceShown)];
            var where = state.Experience.LatestBad ?? BadMomentPlace.Of(interaction);
            var words = AlertTexts.Write(language => language.Alert(
                RuleId,
                new() { ["score"] = $"{score:0}", ["type"] = language.TypeName(where.Type), ["touchpoint"] = where.Touchpoint }));
            signals.Add(words.Raise(RuleId, rule.Severity, interaction.Timestamp) with
            {
                CustomerId = interaction.CustomerId,
                Touchpoint = where.Touchpoint,
                Stage = where.Stage,
                Evidence = bad.IsEmpty ? [interaction.Id] : bad,
                SuggestedAction = words.Action(Channel.CallCenter),
            });
        }
        else if (state.DropSince is not null && score > rule.Number(RecoverAbove))
        {
            state.DropSince = null;
            signals.Add(ResolvedSignal.Of(RuleId, interaction.Timestamp, HistoryNote.Resolution(RuleId, _ => new() { ["score"] = score.ToString("0", CultureInfo.CurrentCulture) }), customerId: interaction.CustomerId, evidence: interaction.Id));
        }
    }
}
