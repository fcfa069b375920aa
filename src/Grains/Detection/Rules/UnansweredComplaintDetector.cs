using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// "My complaint never gets an answer": a <c>complaint</c> with no <c>complaint-reply</c> of the same
/// <c>caseId</c> within the SLA. Warns before the breach (at <c>warnAt</c> of the SLA), fires at the
/// breach, escalates to critical after <c>escalateAfter</c>; the reply resolves it. A complaint
/// without a caseId is its own case (keyed by its id), so only a reply naming that id answers it.
/// </summary>
public sealed class UnansweredComplaintDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.UnansweredComplaint;
    public const string Sla = "sla";
    public const string WarnAt = "warnAt";
    public const string EscalateAfter = "escalateAfter";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "A complaint has had no reply within the SLA.",
        Severity.Warning,
        [
            new(Sla, ParameterKind.Duration, "02:00:00", "Time a complaint may wait for its reply."),
            new(WarnAt, ParameterKind.Number, "0.8", "Share of the SLA after which a warning appears before the breach (0 to 1).") { Least = 0, Most = 1 },
            new(EscalateAfter, ParameterKind.Duration, "1.00:00:00", "Time without a reply after which the alert becomes critical (at least the sla)."),
        ])
    {
        // Escalating before the breach would make the warning the critical alert.
        Together = values => (TimeSpan)values[EscalateAfter] < (TimeSpan)values[Sla]
            ? [$"parameters.{EscalateAfter}: must be at least the {Sla} ({values[Sla]}): a complaint becomes critical after its SLA is broken, not before"]
            : [],
    };

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.Complaint)
        {
            state.Complaints.Add(interaction.CaseId ?? interaction.Id, new PendingComplaint(interaction.Id, interaction.Timestamp, interaction.Channel, interaction.Touchpoint, interaction.Stage, 0));
            return;
        }

        if (interaction.Type != InteractionTypes.ComplaintReply || interaction.CaseId is not { } caseId
            || !state.Complaints.ByCase.Remove(caseId, out var answered) || answered.Level == 0)
        {
            return;
        }

        signals.Add(ResolvedSignal.Of(RuleId, interaction.Timestamp, HistoryNote.Resolution(RuleId, l => new() { ["after"] = l.Span(interaction.Timestamp - answered.At) }), customerId: interaction.CustomerId, caseId: caseId, evidence: interaction.Id));
    }

    public DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state)
    {
        DateTimeOffset? next = null;
        foreach (var complaint in state.Complaints.ByCase.Values)
        {
            if (Threshold(rule, complaint, complaint.Level + 1) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    public void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (NextDeadline(rule, state) is not { } first || first > now)
        {
            return; // the common case: nothing due, nothing allocated
        }

        foreach (var (caseId, complaint) in state.Complaints.ByCase.ToList())
        {
            var level = complaint.Level;
            while (Threshold(rule, complaint, level + 1) is { } due && due <= now)
            {
                level++;
            }

            if (level > complaint.Level)
            {
                state.Complaints.ByCase[caseId] = complaint with { Level = level };
                signals.Add(Raise(rule, customerId, caseId, complaint, level, now));
            }
        }
    }

    /// <summary>When a complaint reaches <paramref name="level"/>: 1 due soon, 2 breached, 3 critical.</summary>
    private static DateTimeOffset? Threshold(ActiveRule rule, PendingComplaint complaint, int level) => level switch
    {
        1 => complaint.At + rule.Duration(Sla) * Math.Clamp(rule.Number(WarnAt), 0, 1),
        2 => complaint.At + rule.Duration(Sla),
        3 => complaint.At + rule.Duration(EscalateAfter),
        _ => null,
    };

    private static AlertSignal Raise(ActiveRule rule, string customerId, string caseId, PendingComplaint complaint, int level, DateTimeOffset now)
    {
        var sla = rule.Duration(Sla);
        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new()
            {
                ["dueAt"] = AlertLanguage.Moment(complaint.At + sla),
                ["sla"] = language.Span(sla),
                ["waiting"] = language.Span(now - complaint.At), // the detail's "has waited", as of the raise
                ["escalated"] = language.Span(rule.Duration(EscalateAfter)), // the title's: a wait from now was still on the card a day later
                ["channel"] = language.ChannelName(complaint.Channel), // "通过在线客服", not "通过 chat"
                ["touchpoint"] = complaint.Touchpoint,
                // A complaint sent without a caseId is its own case, keyed by its id: "Case d1-cmp4-35"
                // read as a case number the customer was given.
                ["case"] = caseId == complaint.InteractionId ? language.Text($"{RuleId}.no-case", new() { ["id"] = caseId }) : caseId,
            },
            level switch { 1 => "due", 2 => "breached", _ => null }));
        return words.Raise(RuleId, level switch { 1 => Severity.Warning, 2 => rule.Severity, _ => Severity.Critical }, now) with
        {
            CustomerId = customerId,
            CaseId = caseId,
            Touchpoint = complaint.Touchpoint,
            Stage = complaint.Stage ?? JourneyStage.Service,
            Evidence = [complaint.InteractionId],
            SuggestedAction = words.Action(complaint.Channel),
        };
    }
}
