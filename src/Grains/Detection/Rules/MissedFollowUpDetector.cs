using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// "Nobody called me back after the service visit": a <c>service-visit</c> not followed by a
/// <c>callback</c> or <c>outreach</c> that reached the customer within <c>within</c>; such a one also resolves it.
/// </summary>
public sealed class MissedFollowUpDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.MissedFollowUp;
    public const string Within = "within";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Nobody followed up after a service visit.",
        Severity.Warning,
        [new(Within, ParameterKind.Duration, "3.00:00:00", "Time after a service visit by which a callback or outreach must follow.")])
    { ContactResolves = true };

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.ServiceVisit)
        {
            state.Burst(RuleId).Keep(BurstMark.Of(interaction, true, interaction.CaseId));
            return;
        }

        // A callback or outreach that did not reach the customer (outcome failure: unreachable, declined)
        // is not the follow-up they were owed: the alert stays open for another try.
        if (interaction.Type is not (InteractionTypes.Callback or InteractionTypes.Outreach) || interaction.Outcome == Outcome.Failure
            || state.PeekBurst(RuleId) is not { } visits)
        {
            return;
        }

        var followed = visits.Marks.RemoveAll(v => v.At <= interaction.Timestamp);
        if (followed > 0 && visits.OpenSince is { } open && open <= interaction.Timestamp)
        {
            visits.OpenSince = null;
            signals.Add(ResolvedSignal.Of(RuleId, interaction.Timestamp, HistoryNote.Resolution(RuleId, _ => new(), interaction.Type), customerId: interaction.CustomerId, evidence: interaction.Id));
        }
    }

    public DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) =>
        state.PeekBurst(RuleId) is { OpenSince: null, Marks: [var first, ..] } ? first.At + rule.Duration(Within) : null;

    public void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (NextDeadline(rule, state) is not { } first || first > now)
        {
            return;
        }

        var within = rule.Duration(Within);
        var visits = state.Burst(RuleId);
        var overdue = Overdue(visits.Marks, now - within);
        if (visits.OpenSince is not null || overdue.Count == 0)
        {
            return;
        }

        var visit = overdue[^1];
        visits.OpenSince = overdue[0].At;
        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new()
            {
                ["since"] = language.Span(now - visit.At),
                ["within"] = language.Span(within),
                ["touchpoint"] = visit.Touchpoint,
                ["case"] = visit.Label,
            },
            visit.Label is null ? "no-case" : null));
        signals.Add(words.Raise(RuleId, rule.Severity, now) with
        {
            CustomerId = customerId,
            Touchpoint = visit.Touchpoint,
            Stage = visit.Stage ?? JourneyStage.Service,
            Evidence = [.. overdue.Select(v => v.InteractionId)],
            SuggestedAction = words.Action(Channel.CallCenter),
        });
    }

    /// <summary>Visits at or before <paramref name="dueBy"/>; a loop, not a lambda: <see cref="Expire"/> runs on every batch and a closure over its arguments was allocated each time.</summary>
    private static List<BurstMark> Overdue(List<BurstMark> visits, DateTimeOffset dueBy)
    {
        var overdue = new List<BurstMark>();
        foreach (var visit in visits)
        {
            if (visit.At <= dueBy)
            {
                overdue.Add(visit);
            }
        }

        return overdue;
    }
}
