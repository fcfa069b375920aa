namespace CxLive.Contracts.Alerts;

/// <summary>
/// The ids of the rules other code names (alert policies, outreach, webhooks, the simulator's scripted
/// stories), so it names them through these, never by retyping the text. A rule's id lives in its
/// detector's <c>RuleId</c>; a rule nothing else names need not be here (docs/detectors.md, "Adding a
/// rule"), and <c>RuleIdsTests</c> holds every id here to a rule of the catalogue. An id is part of the
/// API (alerts, rules, metrics, webhooks carry it) and never changes once released.
/// </summary>
public static class RuleIds
{
    public const string IrrelevantRecommendations = "irrelevant-recommendations";
    public const string RepeatedFailedSearch = "repeated-failed-search";
    public const string ExperienceDrop = "experience-drop";
    public const string Detractor = "detractor";
    public const string OrderStatusFailure = "order-status-failure";
    public const string PaymentFailure = "payment-failure";
    public const string PointsRedemptionFailure = "points-redemption-failure";
    public const string DeliveryFailure = "delivery-failure";
    public const string PushFatigue = "push-fatigue";
    public const string UnansweredComplaint = "unanswered-complaint";
    public const string TouchpointDegradation = "touchpoint-degradation";
    public const string MissedFollowUp = "missed-follow-up";
    public const string RepeatContact = "repeat-contact";
    public const string LongWait = "long-wait";
    public const string TouchpointSilence = "touchpoint-silence";

    /// <summary>The rules judged per touchpoint, whose alerts are incidents rather than one customer's.</summary>
    public static readonly IReadOnlySet<string> Touchpoint = new HashSet<string>(StringComparer.Ordinal) { TouchpointDegradation, TouchpointSilence };
}
