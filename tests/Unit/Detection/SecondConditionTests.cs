using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>The catalogue's "or ..." conditions and repeat-contact's resolution.</summary>
public sealed class SecondConditionTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Journey _journey = new();

    private Interaction Lookup(string orderId, Outcome outcome = Outcome.Success) =>
        _journey.After(Minute).Make(InteractionTypes.OrderStatus, "app/orders", outcome, attributes: new() { ["orderId"] = orderId });

    [Fact]
    public void Order_status_three_lookups_of_one_order_fire_even_when_they_succeed()
    {
        var detector = new DetectorHarness(focus: OrderStatusFailureDetector.RuleId);

        Assert.Empty(detector.Feed(Lookup("ORD-1"), Lookup("ORD-2"), Lookup("ORD-1")));
        var raise = Assert.Single(detector.Feed(Lookup("ORD-1")));

        Assert.Equal("Order ORD-1 looked up 3 times in 3 min", raise.Title);
        Assert.Equal(3, raise.Evidence.Length);
        // The lookups worked: not "we noticed you couldn't check" (integrator trial).
        Assert.Equal("We saw you checking on order ORD-1. Here is where it stands: [tell them the order's latest status]", raise.SuggestedAction!.Wording);
        Assert.Equal("Looked up 3 times on app/orders: the lookups worked, but the customer wants news of it.", raise.SuggestedAction.Context);
        Assert.StartsWith("我们看到您在关注订单 ORD-1", raise.Translations["zh-CN"].Wording);
    }

    [Fact]
    public void Order_status_the_worried_customers_next_lookup_does_not_resolve_the_alert_but_the_delivery_does()
    {
        // A fourth lookup that worked closed the alert as recovered and withdrew the agent's prompt.
        var detector = new DetectorHarness(focus: OrderStatusFailureDetector.RuleId);
        Assert.Single(detector.Feed(Lookup("ORD-1"), Lookup("ORD-1"), Lookup("ORD-1")));

        var again = Assert.Single(detector.Feed(Lookup("ORD-1"))); // told again, not resolved
        Assert.Equal((SignalKind.Raise, "Order ORD-1 looked up 4 times in 3 min"), (again.Kind, again.Title));
        Interaction Delivery(string order) => _journey.After(Minute).Make(InteractionTypes.Delivery, "partner/courier", attributes: new() { ["orderId"] = order });
        Assert.Empty(detector.Feed(Delivery("ORD-2"))); // another order's parcel is no news of this one

        var resolve = Assert.Single(detector.Feed(Delivery("ORD-1")));
        Assert.Equal(SignalKind.Resolve, resolve.Kind);
        Assert.Equal("The order was delivered.", resolve.Reason);
    }

    [Fact]
    public void Order_status_without_deliveries_the_worried_customers_alert_resolves_on_a_lookup_past_the_window()
    {
        // Many integrators send no deliveries: the alert must not wait for one for good (review).
        var detector = new DetectorHarness(focus: OrderStatusFailureDetector.RuleId);
        Assert.Single(detector.Feed(Lookup("ORD-1"), Lookup("ORD-1"), Lookup("ORD-1")));
        _journey.After(TimeSpan.FromMinutes(59));
        Assert.Empty(detector.Feed(Lookup("ORD-1"))); // an hour after it fired: still within its window (not resolved; alone in the last hour, not told again)

        var resolve = Assert.Single(detector.Feed(Lookup("ORD-1")));

        Assert.Equal(SignalKind.Resolve, resolve.Kind);
        Assert.Single(detector.Feed(Lookup("ORD-3"), Lookup("ORD-3"), Lookup("ORD-3"))); // and a new worry raises again
    }

    [Fact]
    public void Order_status_a_successful_lookup_resolves_and_does_not_re_raise()
    {
        var detector = new DetectorHarness(focus: OrderStatusFailureDetector.RuleId);
        detector.Feed(Lookup("ORD-1", Outcome.Failure), Lookup("ORD-1", Outcome.Failure));

        var after = detector.Feed(Lookup("ORD-1"));

        Assert.Equal(SignalKind.Resolve, Assert.Single(after).Kind);
    }

    [Fact]
    public void Push_fatigue_quotes_a_push_named_by_its_title_when_it_has_no_campaign()
    {
        // The API lists title and campaign for push types; a title alone was ignored.
        var detector = new DetectorHarness(focus: PushFatigueDetector.RuleId);
        Interaction Dismissed(string attribute, string name) =>
            _journey.After(Minute).Make(InteractionTypes.PushDismissed, "push/marketing", channel: Channel.Push, attributes: new() { [attribute] = name });

        var raise = Assert.Single(detector.Feed(Dismissed("campaign", "xmas"), Dismissed("title", "New in: linen"), Dismissed("title", "Last chance")));

        Assert.Equal("3 pushes dismissed in 2 min: 'xmas', 'New in: linen', 'Last chance'", raise.Detail);
    }

    private Interaction Recommendation(string type) => _journey.After(Minute).Make(type, "app/recommendations");

    [Fact]
    public void Recommendations_six_shown_with_none_clicked_fire_and_a_click_resolves()
    {
        var detector = new DetectorHarness(focus: RecommendationRejectionDetector.RuleId);
        Assert.Empty(detector.Feed([.. Enumerable.Range(0, 5).Select(_ => Recommendation(InteractionTypes.RecommendationShown))]));

        var raise = Assert.Single(detector.Feed(Recommendation(InteractionTypes.RecommendationShown)));
        Assert.Equal("6 recommendations shown, none clicked, in 5 min", raise.Title);
        Assert.Equal("Shown on app/recommendations, none clicked; review this customer's recommendation profile.", raise.SuggestedAction!.Context); // not "rejected"

        Assert.Equal(SignalKind.Resolve, Assert.Single(detector.Feed(Recommendation(InteractionTypes.RecommendationClicked))).Kind);
    }

    [Fact]
    public void Recommendations_a_click_among_them_starts_the_count_over()
    {
        var detector = new DetectorHarness(focus: RecommendationRejectionDetector.RuleId);

        var signals = detector.Feed(
        [
            .. Enumerable.Range(0, 4).Select(_ => Recommendation(InteractionTypes.RecommendationShown)),
            Recommendation(InteractionTypes.RecommendationClicked),
            .. Enumerable.Range(0, 4).Select(_ => Recommendation(InteractionTypes.RecommendationShown)),
        ]);

        Assert.Empty(signals);
    }

    private Interaction Contact(Channel channel) =>
        _journey.After(TimeSpan.FromHours(5)).Make(InteractionTypes.Contact, "support", channel: channel) with { CaseId = "case-3" };

    [Fact]
    public void Channel_and_touchpoint_lists_are_written_the_languages_way()
    {
        var contacts = new DetectorHarness(focus: RepeatContactDetector.RuleId);
        var raise = Assert.Single(contacts.Feed(Contact(Channel.Chat), Contact(Channel.Email), Contact(Channel.CallCenter)));
        Assert.EndsWith("over chat, email, call center.", raise.Detail);
        Assert.EndsWith("通过在线客服、邮件、呼叫中心联系了 3 次。", raise.Translations["zh-CN"].Detail); // not "chat, email, call-center"

        var lookups = new DetectorHarness(focus: OrderStatusFailureDetector.RuleId);
        var failed = lookups.Feed(Lookup("ORD-1", Outcome.Failure), Lookup("ORD-2", Outcome.Failure) with { Channel = Channel.CallCenter, Touchpoint = "call-center/orders" }, Lookup("ORD-3", Outcome.Failure));
        var orders = failed.First(s => s.Kind == SignalKind.Raise && s.Detail.Contains("lookups failed"));
        Assert.Contains("(web, call center)", orders.Detail); // the channel as people say it, not "callcenter"
        Assert.Contains("（网站、呼叫中心）", orders.Translations["zh-CN"].Detail);
        Assert.Contains("在 app/orders、call-center/orders 上查询失败", orders.Translations["zh-CN"].Context);
    }

    [Fact]
    public void Repeat_contact_resolves_a_day_after_the_answer_if_no_contact_follows()
    {
        var detector = new DetectorHarness(focus: RepeatContactDetector.RuleId);
        detector.Feed(Contact(Channel.Chat), Contact(Channel.Email), Contact(Channel.CallCenter));
        var reply = _journey.After(Minute).Make(InteractionTypes.ComplaintReply, "email/support") with { CaseId = "case-3" };

        Assert.Empty(detector.Feed(reply));
        Assert.Equal(reply.Timestamp + TimeSpan.FromDays(1), detector.NextDeadline);
        var resolve = Assert.Single(detector.Expire(reply.Timestamp + TimeSpan.FromDays(1)));

        Assert.Equal((SignalKind.Resolve, "case-3"), (resolve.Kind, resolve.CaseId));
    }

    [Fact]
    public void Repeat_contact_a_contact_after_the_answer_keeps_it_open()
    {
        var detector = new DetectorHarness(focus: RepeatContactDetector.RuleId);
        detector.Feed(Contact(Channel.Chat), Contact(Channel.Email), Contact(Channel.CallCenter));
        detector.Feed(_journey.After(Minute).Make(InteractionTypes.ComplaintReply, "email/support") with { CaseId = "case-3" });

        detector.Feed(Contact(Channel.Sms));

        Assert.Null(detector.NextDeadline);
        Assert.DoesNotContain(detector.Expire(_journey.Now + TimeSpan.FromDays(3)), s => s.Kind == SignalKind.Resolve);
    }
}
