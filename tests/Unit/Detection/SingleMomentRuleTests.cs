using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>Rules that one interaction can fire, and the cross-channel case rule.</summary>
public sealed class SingleMomentRuleTests
{
    private readonly Journey _journey = new();
    private readonly DetectorHarness _detector = new();

    private List<AlertSignal> Feed(string ruleId, params Interaction[] interactions) =>
        [.. _detector.Feed(interactions).Where(s => s.RuleId == ruleId)];

    private Interaction Wait(double? seconds, Outcome outcome = Outcome.Success) =>
        _journey.Make(InteractionTypes.QueueWait, "call-center/billing-queue", outcome, seconds, channel: Channel.CallCenter);

    [Theory]
    [InlineData(300.0, Outcome.Success, true, "Waited 5 min in a queue")]
    [InlineData(299.0, Outcome.Success, false, null)]
    [InlineData(60.0, Outcome.Abandoned, true, "Gave up after waiting 1 min")]
    [InlineData(null, Outcome.Abandoned, true, "Gave up waiting")]
    [InlineData(null, Outcome.Success, false, null)]
    public void Long_wait_fires_at_five_minutes_or_when_the_customer_gives_up(double? seconds, Outcome outcome, bool fires, string? title)
    {
        var signals = Feed(LongWaitDetector.RuleId, Wait(seconds, outcome));

        Assert.Equal(fires, signals.Count == 1);
        if (fires)
        {
            Assert.Equal(title, signals[0].Title);
            Assert.Equal(Channel.CallCenter, signals[0].SuggestedAction!.Channel);
        }
    }

    [Theory]
    [InlineData("nps", 6.0, true)]
    [InlineData("nps", 7.0, false)]
    [InlineData("NPS", 0.0, true)]
    [InlineData("csat", 2.0, true)]
    [InlineData("csat", 3.0, false)]
    [InlineData(null, 1.0, true)]   // no scale: read as NPS, the documented default
    [InlineData(null, 8.0, false)]
    public void Detractor_fires_on_low_nps_or_csat(string? scale, double score, bool fires)
    {
        var attributes = scale is null ? null : new Dictionary<string, string> { ["scale"] = scale };

        var signals = Feed(DetractorDetector.RuleId, _journey.Make(InteractionTypes.Survey, "survey/post-purchase", score: score, attributes: attributes));

        Assert.Equal(fires, signals.Count == 1);
    }

    /// <summary>An agent called a customer who had just answered 10, to ask what went wrong.</summary>
    [Theory]
    [InlineData("nps", 2.0, 7.0, 9.0)]
    [InlineData("csat", 1.0, 3.0, 4.0)]
    public void Detractor_resolves_when_a_later_answer_says_the_customer_is_happy(string scale, double unhappy, double lukewarm, double happy)
    {
        Assert.Empty(Feed(DetractorDetector.RuleId, _journey.Make(InteractionTypes.Survey, "survey/nps", score: happy, attributes: new() { ["scale"] = scale }))); // nothing to clear yet
        Assert.Single(Feed(DetractorDetector.RuleId, _journey.After(TimeSpan.FromHours(1)).Make(InteractionTypes.Survey, "survey/nps", score: unhappy, attributes: new() { ["scale"] = scale })));

        Assert.Empty(Feed(DetractorDetector.RuleId, _journey.After(TimeSpan.FromHours(1)).Make(InteractionTypes.Survey, "survey/nps", score: lukewarm, attributes: new() { ["scale"] = scale })));
        var resolve = Assert.Single(Feed(DetractorDetector.RuleId, _journey.After(TimeSpan.FromHours(1)).Make(InteractionTypes.Survey, "survey/nps", score: happy, attributes: new() { ["scale"] = scale })));

        Assert.Equal(SignalKind.Resolve, resolve.Kind);
        Assert.Equal($"A later survey answer says the customer is happy: {scale.ToUpperInvariant()} {happy}.", resolve.Reason);
        Assert.Equal($"客户之后的问卷回答表示满意：{scale.ToUpperInvariant()} {happy}。", resolve.ReasonTranslations?["zh-CN"]);
    }

    [Fact]
    public void Detractor_resolves_on_an_outreach_that_put_it_right_not_one_that_failed_or_only_reached_her()
    {
        Feed(DetractorDetector.RuleId, _journey.Make(InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps", ["comment"] = "never again" }));

        Assert.Empty(Feed(DetractorDetector.RuleId, _journey.After(TimeSpan.FromHours(1)).Make(InteractionTypes.Outreach, "call-center/outreach", Outcome.Failure)));
        // An agent who only reached her (contacted) has not put it right: she is not recovered yet.
        Assert.Empty(Feed(DetractorDetector.RuleId, _journey.After(TimeSpan.FromHours(1)).Make(InteractionTypes.Outreach, "outreach/li.na", attributes: new() { ["result"] = "contacted" })));
        var resolve = Assert.Single(Feed(DetractorDetector.RuleId, _journey.After(TimeSpan.FromHours(1)).Make(InteractionTypes.Outreach, "call-center/outreach")));

        Assert.Equal(SignalKind.Resolve, resolve.Kind);
        Assert.Empty(Feed(DetractorDetector.RuleId, _journey.Make(InteractionTypes.Outreach, "call-center/outreach")));
    }

    [Fact]
    public void Push_fatigue_fires_when_the_customer_unsubscribes_within_an_hour_of_a_push()
    {
        var push = _journey.Make(InteractionTypes.PushSent, "push/marketing", channel: Channel.Push, attributes: new() { ["campaign"] = "winter sale" });
        Feed(PushFatigueDetector.RuleId, push);
        var unsubscribe = _journey.After(TimeSpan.FromMinutes(20)).Make(InteractionTypes.Unsubscribe, "push/settings", channel: Channel.Push);

        var raise = Assert.Single(Feed(PushFatigueDetector.RuleId, unsubscribe));

        Assert.Equal("Unsubscribed right after a push", raise.Title);
        // Marketing acts on which push it was: the push is evidence and named, not only the unsubscribe.
        Assert.Equal("The customer unsubscribed 20 min after the push 'winter sale'.", raise.Detail);
        Assert.Equal([push.Id, unsubscribe.Id], raise.Evidence.ToArray());
        Assert.Equal("push/settings", raise.Touchpoint);
        Assert.Empty(Feed(PushFatigueDetector.RuleId, _journey.After(TimeSpan.FromHours(2)).Make(InteractionTypes.Unsubscribe, "email/settings")));
    }

    [Fact]
    public void Push_fatigue_an_unsubscribe_names_the_latest_push_not_one_that_arrives_late()
    {
        var latest = _journey.Make(InteractionTypes.PushSent, "push/marketing", channel: Channel.Push, attributes: new() { ["title"] = "Last chance" });
        Feed(PushFatigueDetector.RuleId, latest);
        var earlier = _journey.Make(InteractionTypes.PushSent, "push/marketing", channel: Channel.Push, attributes: new() { ["campaign"] = "autumn" }, at: latest.Timestamp - TimeSpan.FromMinutes(30));
        Feed(PushFatigueDetector.RuleId, earlier);

        var raise = Assert.Single(Feed(PushFatigueDetector.RuleId, _journey.After(TimeSpan.FromMinutes(5)).Make(InteractionTypes.Unsubscribe, "push/settings", channel: Channel.Push)));

        Assert.Equal("The customer unsubscribed 5 min after the push 'Last chance'.", raise.Detail);
        Assert.Equal(latest.Id, raise.Evidence[0]);
    }

    [Fact]
    public void Payment_failure_a_good_payment_between_failures_does_not_start_over_only_an_order_resolves()
    {
        var signals = Feed(PaymentFailureDetector.RuleId,
            _journey.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure),
            _journey.After(TimeSpan.FromMinutes(2)).Make(InteractionTypes.Payment, "web/checkout"),
            _journey.After(TimeSpan.FromMinutes(2)).Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure));

        Assert.Equal(SignalKind.Raise, Assert.Single(signals).Kind);
    }

    private Interaction Contact(string caseId, Channel channel, string type = InteractionTypes.Contact) =>
        _journey.Make(type, channel.ToString().ToLowerInvariant() + "/support", channel: channel) with { CaseId = caseId };

    [Fact]
    public void Repeat_contact_fires_on_the_third_contact_about_a_case_over_two_channels()
    {
        var first = Contact("case-1", Channel.Email, InteractionTypes.Complaint);
        var second = _journey.After(TimeSpan.FromDays(2)).Make(InteractionTypes.Contact, "call-center/support", channel: Channel.CallCenter) with { CaseId = "case-1" };
        Assert.Empty(Feed(RepeatContactDetector.RuleId, first, second));

        var third = Contact("case-1", Channel.Chat);
        _journey.After(TimeSpan.FromDays(3));
        var raise = Assert.Single(Feed(RepeatContactDetector.RuleId, third));

        Assert.Equal("case-1", raise.CaseId);
        Assert.Equal([first.Id, second.Id, third.Id], raise.Evidence.ToArray());
        Assert.Equal("3 contacts about one case in 2 days", raise.Title);
        Assert.Equal("3 contacts about one case in 2 days 23 h", Assert.Single(Feed(RepeatContactDetector.RuleId,
            Contact("case-2", Channel.Email), _journey.After(TimeSpan.FromDays(1)).Make(InteractionTypes.Contact, "call-center/support", channel: Channel.CallCenter) with { CaseId = "case-2" },
            _journey.After(TimeSpan.FromHours(47)).Make(InteractionTypes.Contact, "chat/support", channel: Channel.Chat) with { CaseId = "case-2" })).Title); // not "2 days" (the analyst trial)
        Assert.Contains("email, call center, chat", raise.Detail);
        Assert.Equal("repeat-contact|customer:c-1|case:case-1", raise.Fingerprint);
    }

    [Fact]
    public void Repeat_contact_needs_two_channels_one_case_and_the_window()
    {
        Assert.Empty(Feed(RepeatContactDetector.RuleId, Contact("a", Channel.Chat), Contact("a", Channel.Chat), Contact("a", Channel.Chat)));
        Assert.Empty(Feed(RepeatContactDetector.RuleId, Contact("b", Channel.Chat), Contact("c", Channel.Email), Contact("d", Channel.Sms)));
        Assert.Empty(Feed(RepeatContactDetector.RuleId,
            Contact("e", Channel.Chat),
            _journey.After(TimeSpan.FromDays(4)).Make(InteractionTypes.Contact, "email/support", channel: Channel.Email) with { CaseId = "e" },
            _journey.After(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1)).Make(InteractionTypes.Contact, "sms/support", channel: Channel.Sms) with { CaseId = "e" }));
        Assert.Empty(Feed(RepeatContactDetector.RuleId, _journey.Make(InteractionTypes.Contact, "chat/support"), _journey.Make(InteractionTypes.Contact, "email/support"), _journey.Make(InteractionTypes.Contact, "sms/support")));
    }
}
