using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>Rules that fire because something did NOT happen in time: deadlines, warn-before-breach, escalation, expiry.</summary>
public sealed class DeadlineRuleTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Journey _journey = new();
    private readonly DetectorHarness _detector = new();

    private List<AlertSignal> ExpireAt(DateTimeOffset now, string ruleId) => [.. _detector.Expire(now).Where(s => s.RuleId == ruleId)];

    private Interaction Complaint(string caseId = "case-1") =>
        _journey.Make(InteractionTypes.Complaint, "social/weibo", channel: Channel.Social) with { CaseId = caseId };

    private Interaction Reply(string caseId = "case-1") =>
        _journey.Make(InteractionTypes.ComplaintReply, "social/weibo", channel: Channel.Social) with { CaseId = caseId };

    [Fact]
    public void Unanswered_complaint_warns_at_80_percent_breaches_at_the_sla_and_turns_critical_at_24_hours()
    {
        var complaint = Complaint();
        var t0 = complaint.Timestamp;
        _detector.Feed(complaint);
        const string Rule = UnansweredComplaintDetector.RuleId;

        Assert.Equal(t0 + 96 * Minute, _detector.NextDeadline);
        Assert.Empty(ExpireAt(t0 + 96 * Minute - TimeSpan.FromSeconds(1), Rule));

        var warning = Assert.Single(ExpireAt(t0 + 96 * Minute, Rule));
        // Due by a moment, not "in 24 min": a span from now is wrong a minute later, and the card stays up.
        Assert.Equal((Severity.Warning, $"Complaint reply due by {t0 + 120 * Minute:u}"), (warning.Severity, warning.Title));
        Assert.Equal($"投诉需在 {t0 + 120 * Minute:u} 前回复", warning.Translations["zh-CN"].Title);
        Assert.Equal("case-1", warning.CaseId);
        Assert.Equal([complaint.Id], warning.Evidence.ToArray());
        Assert.Equal(Channel.Social, warning.SuggestedAction!.Channel);
        Assert.Equal(t0 + 120 * Minute, _detector.NextDeadline);

        var breach = Assert.Single(ExpireAt(t0 + 120 * Minute, Rule));
        Assert.Equal((Severity.Warning, "Complaint unanswered past its 2 h SLA"), (breach.Severity, breach.Title));
        // The channel in the reader's language: a Chinese wall read "通过 social（social/weibo）提交的投诉".
        Assert.Equal(("投诉未回复，已超过 2 小时的时限", "通过社交媒体（social/weibo）提交的投诉已等待回复 2 小时；时限为 2 小时。"), (breach.Translations["zh-CN"].Title, breach.Translations["zh-CN"].Detail));
        Assert.Equal("A complaint on social (social/weibo) has waited 2 h for a reply; the SLA is 2 h.", breach.Detail);
        Assert.Equal(t0 + TimeSpan.FromDays(1), _detector.NextDeadline);

        var critical = Assert.Single(ExpireAt(t0 + TimeSpan.FromDays(1), Rule));
        Assert.Equal((Severity.Critical, "Complaint unanswered past 24 h"), (critical.Severity, critical.Title)); // the rule's span: a late look said "for 25 h" on the card for good
        Assert.Equal("投诉超过 24 小时未回复", critical.Translations["zh-CN"].Title);
        Assert.Null(_detector.NextDeadline);
        Assert.Empty(ExpireAt(t0 + TimeSpan.FromDays(2), Rule));
    }

    [Fact]
    public void Unanswered_complaint_a_late_look_raises_once_at_the_level_reached()
    {
        var complaint = Complaint();
        _detector.Feed(complaint);

        var signal = Assert.Single(ExpireAt(complaint.Timestamp + TimeSpan.FromHours(30), UnansweredComplaintDetector.RuleId));

        Assert.Equal(Severity.Critical, signal.Severity);
    }

    [Fact]
    public void Unanswered_complaint_without_a_case_id_says_none_was_given_rather_than_quote_its_id_as_one()
    {
        // "Case d1-cmp4-complaint-35." read as a case number the customer had been given.
        var complaint = Complaint() with { CaseId = null };
        _detector.Feed(complaint);

        var breach = Assert.Single(ExpireAt(complaint.Timestamp + TimeSpan.FromHours(2), UnansweredComplaintDetector.RuleId));

        Assert.StartsWith($"Case not given (the complaint is {complaint.Id}). Reply on", breach.SuggestedAction!.Context);
        var named = new DetectorHarness();
        named.Feed(Complaint("K-17"));
        Assert.StartsWith("Case K-17. ", named.Expire(complaint.Timestamp + TimeSpan.FromHours(3)).Single(s => s.RuleId == UnansweredComplaintDetector.RuleId).SuggestedAction!.Context);
    }

    [Fact]
    public void Unanswered_complaint_the_reply_resolves_and_an_early_reply_raises_nothing()
    {
        _detector.Feed(Complaint("early"), Complaint("late"));
        _detector.Feed(_journey.After(30 * Minute).Make(InteractionTypes.ComplaintReply, "email/support") with { CaseId = "early" });
        ExpireAt(_journey.After(100 * Minute).Now, UnansweredComplaintDetector.RuleId);

        var resolve = Assert.Single(_detector.Feed(Reply("late")), s => s.RuleId == UnansweredComplaintDetector.RuleId);

        Assert.Equal(SignalKind.Resolve, resolve.Kind);
        Assert.Equal("late", resolve.CaseId);
        Assert.Equal("The complaint was answered after 2 h 10 min.", resolve.Reason);
        Assert.Null(_detector.NextDeadline);
    }

    [Fact]
    public void Missed_follow_up_fires_three_days_after_a_visit_with_no_callback_and_the_callback_resolves()
    {
        var visit = _journey.Make(InteractionTypes.ServiceVisit, "field-service/beijing", channel: Channel.FieldService);
        _detector.Feed(visit);
        Assert.Equal(visit.Timestamp + TimeSpan.FromDays(3), _detector.NextDeadline);
        Assert.Empty(ExpireAt(visit.Timestamp + TimeSpan.FromDays(3) - Minute, MissedFollowUpDetector.RuleId));

        var raise = Assert.Single(ExpireAt(visit.Timestamp + TimeSpan.FromDays(3), MissedFollowUpDetector.RuleId));
        Assert.Equal("No follow-up 3 days after a service visit", raise.Title);

        var resolve = Assert.Single(_detector.Feed(_journey.After(TimeSpan.FromDays(4)).Make(InteractionTypes.Callback, "call-center/outbound")));
        Assert.Equal(SignalKind.Resolve, resolve.Kind);
    }

    [Fact]
    public void Missed_follow_up_a_callback_in_time_means_no_alert()
    {
        _detector.Feed(_journey.Make(InteractionTypes.ServiceVisit, "field-service/beijing"), _journey.After(TimeSpan.FromDays(2)).Make(InteractionTypes.Outreach, "call-center/outreach"));

        Assert.Null(_detector.NextDeadline);
        Assert.Empty(ExpireAt(_journey.Now + TimeSpan.FromDays(5), MissedFollowUpDetector.RuleId));
    }

    [Fact]
    public void Missed_follow_up_an_outreach_that_did_not_reach_the_customer_is_no_follow_up()
    {
        // "Unreachable" keeps the alert open for another try (the outcome table); it must not end it by its rule.
        var visit = _journey.Make(InteractionTypes.ServiceVisit, "field-service/beijing");
        _detector.Feed(visit, _journey.After(TimeSpan.FromDays(1)).Make(InteractionTypes.Outreach, "outreach/li.na", Outcome.Failure));
        Assert.Single(ExpireAt(visit.Timestamp + TimeSpan.FromDays(3), MissedFollowUpDetector.RuleId));

        Assert.Empty(_detector.Feed(_journey.After(TimeSpan.FromDays(4)).Make(InteractionTypes.Outreach, "outreach/li.na", Outcome.Failure)));
        Assert.Equal(SignalKind.Resolve, Assert.Single(_detector.Feed(_journey.After(TimeSpan.FromDays(5)).Make(InteractionTypes.Outreach, "outreach/li.na", Outcome.Success))).Kind);
    }

    [Fact]
    public void Payment_failure_a_failure_with_no_order_within_30_minutes_fires_and_an_order_resolves()
    {
        var failed = _journey.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure);
        _detector.Feed(failed);
        Assert.Empty(ExpireAt(failed.Timestamp + 29 * Minute, PaymentFailureDetector.RuleId));

        var raise = Assert.Single(ExpireAt(failed.Timestamp + 30 * Minute, PaymentFailureDetector.RuleId));
        Assert.Equal("No order within 30 min of a failed payment", raise.Title); // the rule's span: "failed 30 min ago" was still said an hour later
        Assert.Equal("支付失败后 30 分钟内未下单", raise.Translations["zh-CN"].Title);
        Assert.Null(_detector.NextDeadline);

        Assert.Equal(SignalKind.Resolve, Assert.Single(_detector.Feed(_journey.After(40 * Minute).Make(InteractionTypes.OrderPlaced, "web/checkout"))).Kind);
    }

    [Fact]
    public void Payment_failure_waits_for_an_order_from_the_first_failure_however_far_apart_the_next_ones_come()
    {
        // Failing every 18 min, more than the 15-min burst window apart: each first failure was dropped
        // with the window, and the 30 min ran from her latest, again and again, while she kept trying.
        var first = _journey.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure);
        var second = _journey.After(18 * Minute).Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure);
        Assert.Empty(_detector.Feed(first, second)); // not a burst: 18 min apart
        Assert.Equal(first.Timestamp + 30 * Minute, _detector.NextDeadline);

        var raise = Assert.Single(ExpireAt(first.Timestamp + 30 * Minute, PaymentFailureDetector.RuleId));
        Assert.Equal([first.Id, second.Id], raise.Evidence.ToArray());
        Assert.Equal("2 payments failed on web/checkout and no order followed within 30 min.", raise.Detail);
    }

    [Fact]
    public void Payment_failure_a_failure_that_arrives_after_the_deadline_passed_unheeded_keeps_the_first_one()
    {
        // A reminder late after a restart, or a late batch: a failure 40 min after the first arrives
        // before the 30-min deadline was handled. Kept for 30 min after the latest, the first went,
        // and the wait ran from the new one.
        var first = _journey.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure);
        var late = _journey.After(40 * Minute).Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure);
        _detector.Feed(first, late);
        Assert.Equal(first.Timestamp + 30 * Minute, _detector.NextDeadline);

        var raise = Assert.Single(ExpireAt(late.Timestamp, PaymentFailureDetector.RuleId));
        Assert.Equal([first.Id, late.Id], raise.Evidence.ToArray());
    }

    [Fact]
    public void Payment_failure_an_order_in_time_means_no_alert()
    {
        _detector.Feed(_journey.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure), _journey.After(5 * Minute).Make(InteractionTypes.OrderPlaced, "web/checkout"));

        Assert.Null(_detector.NextDeadline);
    }

    [Fact]
    public void Push_fatigue_expires_a_day_after_the_last_dismissal()
    {
        for (var i = 0; i < 3; i++)
        {
            _detector.Feed(_journey.After(Minute).Make(InteractionTypes.PushDismissed, "push/marketing", channel: Channel.Push));
        }

        Assert.Equal(_journey.Now + TimeSpan.FromDays(1), _detector.NextDeadline);
        var expired = Assert.Single(ExpireAt(_journey.Now + TimeSpan.FromDays(1), PushFatigueDetector.RuleId));

        Assert.Equal(SignalKind.Resolve, expired.Kind);
        Assert.Null(_detector.NextDeadline);
    }
}
