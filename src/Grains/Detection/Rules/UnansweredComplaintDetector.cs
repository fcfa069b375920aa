using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

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
            new(WarnAt, ParameterKind.Number, "0.8", "Share of the SLA after which a warning appears before the breach (0 to 1)."),
            new(EscalateAfter, ParameterKind.Duration, "1.00:00:00", "Time without a reply after which the alert becomes critical."),
        ]);

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

        signals.Add(AlertSignal.Resolved(RuleId, interaction.Timestamp, $"The complaint was answered after {Phrases.Span(interaction.Timestamp - answered.At)}.", customerId: interaction.CustomerId, caseId: caseId, evidence: interaction.Id));
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
        var waiting = Phrases.Span(now - complaint.At);
        var waitingZh = Phrases.SpanZh(now - complaint.At);
        var channel = Serialization.WireNames<Channel>.Of(complaint.Channel);
        return new AlertSignal
        {
            Kind = SignalKind.Raise,
            RuleId = RuleId,
            CustomerId = customerId,
            CaseId = caseId,
            Touchpoint = complaint.Touchpoint,
            Stage = complaint.Stage ?? JourneyStage.Service,
            Severity = level switch { 1 => Severity.Warning, 2 => rule.Severity, _ => Severity.Critical },
            Title = level switch
            {
                1 => $"Complaint reply due in {Phrases.Span(complaint.At + sla - now)}",
                2 => $"Complaint unanswered past its {Phrases.Span(sla)} SLA",
                _ => $"Complaint unanswered for {waiting}",
            },
            Detail = $"A complaint on {channel} ({complaint.Touchpoint}) has waited {waiting} for a reply; the SLA is {Phrases.Span(sla)}.",
            Evidence = [complaint.InteractionId],
            At = now,
            SuggestedAction = new SuggestedAction(
                complaint.Channel,
                "We're sorry we haven't answered your complaint yet. I'm looking into it now and will get back to you today.",
                $"Case {caseId}. Reply on the channel the customer used ({channel})."),
            Translations = AlertLanguages.InChinese(new AlertText(
                level switch
                {
                    1 => $"投诉需在 {Phrases.SpanZh(complaint.At + sla - now)}内回复",
                    2 => $"投诉未回复，已超过 {Phrases.SpanZh(sla)} 的时限",
                    _ => $"投诉已 {waitingZh}未回复",
                },
                $"通过 {channel}（{complaint.Touchpoint}）提交的投诉已等待回复 {waitingZh}；时限为 {Phrases.SpanZh(sla)}。",
                "很抱歉我们还没有回复您的投诉。我正在处理，今天内会给您答复。",
                $"工单 {caseId}。请在客户使用的渠道（{channel}）回复。")),
        };
    }
}
