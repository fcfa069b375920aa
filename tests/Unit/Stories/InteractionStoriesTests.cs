using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Privacy;
using CxLive.Grains.Detection;
using CxLive.Grains.Journeys;
using Microsoft.Extensions.Options;

namespace CxLive.Tests.Unit.Stories;

public class InteractionStoriesTests
{
    private const string Chinese = "zh-CN";

    private static Interaction Make(string type, Outcome outcome = Outcome.Success, double? score = null, string? caseId = null,
        JourneyStage? stage = null, string touchpoint = "web/search", params (string Name, string Value)[] attributes) => new()
    {
        Id = "i-1",
        CustomerId = "c-1",
        Timestamp = DateTimeOffset.Parse("2026-11-23T10:00:00Z"),
        Channel = Channel.Web,
        Touchpoint = touchpoint,
        Type = type,
        Outcome = outcome,
        Score = score,
        CaseId = caseId,
        Stage = stage,
        Attributes = attributes.Length == 0 ? null : attributes.ToDictionary(a => a.Name, a => a.Value),
    };

    public static TheoryData<Interaction, string, string, string> EveryCatalogueType => new()
    {
        { Make("search", score: 0, attributes: ("query", "red running shoes 42")), "found-nothing", "searched 'red running shoes 42' — 0 results", "搜索“red running shoes 42” — 0 条结果" },
        { Make("search", score: 1, attributes: ("query", "shoes")), "found", "searched 'shoes' — 1 result", "搜索“shoes” — 1 条结果" },
        { Make("search", Outcome.Failure, attributes: ("query", "shoes")), "failed", "searched 'shoes' — failed", "搜索“shoes” — 失败" },
        { Make("page-view", attributes: ("page", "/returns")), "viewed", "viewed page '/returns'", "浏览页面“/returns”" },
        { Make("product-view", attributes: ("productId", "sku-9")), "viewed", "viewed product 'sku-9'", "查看商品“sku-9”" },
        { Make("recommendation-shown", attributes: ("item", "socks")), "shown", "was shown recommendation 'socks'", "收到推荐“socks”" },
        { Make("recommendation-clicked", attributes: ("item", "socks")), "clicked", "clicked recommendation 'socks'", "点击了推荐“socks”" },
        { Make("recommendation-rejected", attributes: ("item", "socks")), "rejected", "rejected recommendation 'socks'", "拒绝了推荐“socks”" },
        { Make("add-to-cart", attributes: ("productId", "sku-9")), "added", "added 'sku-9' to cart", "将“sku-9”加入购物车" },
        { Make("checkout", Outcome.Abandoned), "abandoned", "checked out — abandoned", "结账 — 放弃" },
        { Make("payment", Outcome.Failure, attributes: ("method", "card")), "failed", "paid by card — failed", "通过 card 支付 — 失败" },
        { Make("payment", attributes: [("amount", "12.50"), ("method", "card")]), "paid", "paid 12.50 by card", "通过 card 支付 12.50" },
        { Make("payment", attributes: ("amount", "12.50")), "paid", "paid 12.50", "支付 12.50" },
        { Make("order-placed", attributes: ("orderId", "8812")), "placed", "placed order 8812", "下单 8812" },
        { Make("order-status", Outcome.Failure, attributes: ("orderId", "8812")), "failed", "looked up order 8812 — failed", "查询订单 8812 — 失败" },
        { Make("delivery", attributes: ("orderId", "8812")), "delivered", "delivery of order 8812", "订单 8812 配送" },
        { Make("complaint", caseId: "K-17", attributes: ("text", "still no refund")), "complained", "complaint case K-17: 'still no refund'", "投诉（工单 K-17）：“still no refund”" },
        { Make("complaint-reply", caseId: "K-17"), "answered", "reply to complaint case K-17", "回复投诉（工单 K-17）" },
        { Make("contact", caseId: "K-17", attributes: ("comment", "where is my refund")), "contacted", "contacted us about case K-17: 'where is my refund'", "就工单 K-17 联系我们：“where is my refund”" },
        { Make("callback", caseId: "K-17"), "called-back", "was called back about case K-17", "已就工单 K-17 回电" },
        { Make("queue-wait", score: 720, touchpoint: "call-center/support-queue"), "waited", "waited 12 min in call-center/support-queue", "在 call-center/support-queue 排队等待 12 分钟" },
        { Make("queue-wait", Outcome.Abandoned, score: 45, touchpoint: "call-center/support-queue"), "abandoned", "waited 45 s in call-center/support-queue — gave up", "在 call-center/support-queue 排队等待 45 秒 — 放弃" },
        { Make("queue-wait", score: 9000, touchpoint: "call-center/support-queue"), "waited", "waited 2 h 30 min in call-center/support-queue", "在 call-center/support-queue 排队等待 2 小时 30 分钟" },
        // 7 min 50 s reads as the long-wait alert it raised says it ("Waited 7 min in a queue"), not "8 min".
        { Make("queue-wait", score: 470, touchpoint: "call-center/support-queue"), "waited", "waited 7 min in call-center/support-queue", "在 call-center/support-queue 排队等待 7 分钟" },
        { Make("service-visit", caseId: "K-17"), "visited", "service visit for case K-17", "上门服务（工单 K-17）" },
        { Make("survey", score: 1, attributes: [("scale", "nps"), ("comment", "delivery was late")]), "scored", "NPS 1: 'delivery was late'", "NPS 1 分：“delivery was late”" },
        { Make("survey", score: 4, attributes: ("scale", "csat")), "scored", "CSAT 4 of 5", "CSAT 4 分（满分 5）" },
        // No scale is NPS, as the detractor rule reads it: "NPS 0", not a bare "survey score 0" beside a Detractor alert.
        { Make("survey", score: 0), "scored", "NPS 0", "NPS 0 分" },
        { Make("push-sent", attributes: ("title", "Spring sale")), "sent", "was sent push 'Spring sale'", "收到推送“Spring sale”" },
        { Make("push-opened", attributes: ("title", "Spring sale")), "opened", "opened push 'Spring sale'", "打开了推送“Spring sale”" },
        { Make("push-dismissed", attributes: ("campaign", "spring")), "dismissed", "dismissed push 'spring'", "忽略了推送“spring”" },
        { Make("unsubscribe"), "unsubscribed", "unsubscribed", "退订" },
        { Make("points-redemption", Outcome.Failure, attributes: ("reward", "coffee voucher")), "failed", "redeemed points for 'coffee voucher' — failed", "用积分兑换“coffee voucher” — 失败" },
        { Make("outreach", attributes: [("agentId", "li"), ("result", "resolved")]), "resolved", "agent li reached out: resolved", "坐席 li 主动联系：已解决" },
        { Make("outreach", Outcome.Failure, attributes: [("agentId", "li"), ("result", "unreachable")]), "not-reached", "agent li reached out: no answer", "坐席 li 主动联系：无人应答" },
        { Make("outreach", Outcome.Failure, attributes: [("agentId", "li"), ("result", "declined")]), "declined", "agent li reached out: declined", "坐席 li 主动联系：客户拒绝" },
        { Make("error", touchpoint: "app/checkout", attributes: ("code", "E502")), "failed", "hit an error in app/checkout: 'E502'", "在 app/checkout 遇到错误：“E502”" },
        { Make("loyalty-scan", touchpoint: "store/pudong"), "done", "loyalty-scan in store/pudong", "store/pudong：loyalty-scan" },
    };

    [Theory]
    [MemberData(nameof(EveryCatalogueType))]
    public void Tells_what_happened_in_English_and_Chinese(Interaction interaction, string result, string english, string chinese)
    {
        var story = InteractionStories.Tell(interaction);

        Assert.Equal((result, english, chinese), (story.Result, story.Sentence, story.Translations[Chinese]));
    }

    /// <summary>A customer's words with an override in them (U+202E) are quoted isolated: the sentence around them reads as written.</summary>
    [Fact]
    public void Words_with_bidirectional_formatting_do_not_turn_the_sentence_around_them()
    {
        var story = InteractionStories.Tell(Make("complaint", caseId: "K-17", attributes: ("text", "no refund\u202e yet")));

        Assert.Equal("complaint case K-17: \u2068'no refund yet'\u2069", story.Sentence);
    }

    /// <summary>The wall names agents from the roster ("Li Na"); the timeline must not call her "li" beside it.</summary>
    [Fact]
    public void An_outreach_names_the_agent_as_the_roster_does_and_an_agent_outside_it_by_id()
    {
        var names = new Dictionary<string, string> { ["li"] = "Li Na" };

        var known = InteractionStories.Tell(Make("outreach", attributes: [("agentId", "li"), ("result", "resolved")]), names);
        var unknown = InteractionStories.Tell(Make("outreach", attributes: [("agentId", "sam"), ("result", "contacted")]), names);

        Assert.Equal(("agent Li Na reached out: resolved", "坐席 Li Na 主动联系：已解决"), (known.Sentence, known.Translations[Chinese]));
        Assert.Equal("agent sam reached out: contacted", unknown.Sentence);
    }

    /// <summary>A language's table is all a new language needs: every sentence is told in every language the tables have.</summary>
    [Fact]
    public void Every_story_is_told_in_every_language_with_a_table()
    {
        var stories = EveryCatalogueType.Select(row => InteractionStories.Tell((Interaction)row[0])).ToList();

        Assert.All(stories, story => Assert.Equal(
            AlertTexts.Translations.Select(l => l.Code).Order(StringComparer.Ordinal),
            story.Translations.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_catalogue_type_has_its_own_sentence_not_the_fallback()
    {
        var covered = EveryCatalogueType.Select(row => ((Interaction)row[0]).Type).ToHashSet();

        Assert.Subset(covered, InteractionTypes.All.ToHashSet());
        Assert.All(InteractionTypes.All, type => Assert.NotEqual($"{type} in web/search", InteractionStories.Tell(Make(type)).Sentence));
    }

    [Fact]
    public void Zero_result_search_is_bad_and_never_reads_as_success()
    {
        var story = InteractionStories.Tell(Make("search", score: 0, attributes: ("query", "x")));

        Assert.Equal(StoryTone.Bad, story.Tone);
        Assert.DoesNotContain("success", story.Result + story.Sentence);
    }

    [Fact]
    public void A_detractor_answer_without_a_scale_reads_as_bad() =>
        Assert.Equal(StoryTone.Bad, InteractionStories.Tell(Make("survey", score: 0)).Tone);

    [Theory]
    [InlineData("search", JourneyStage.Research)]
    [InlineData("push-dismissed", JourneyStage.Discover)]
    [InlineData("payment", JourneyStage.Purchase)]
    [InlineData("order-status", JourneyStage.Receive)]
    [InlineData("queue-wait", JourneyStage.Service)]
    [InlineData("survey", JourneyStage.Share)]
    public void Infers_the_stage_from_the_type_when_none_was_sent(string type, JourneyStage stage)
    {
        var story = InteractionStories.Tell(Make(type));

        Assert.Equal((stage, true), (story.Stage, story.StageInferred));
    }

    [Fact]
    public void Keeps_the_stage_sent_and_says_it_was_not_inferred()
    {
        var story = InteractionStories.Tell(Make("search", stage: JourneyStage.Purchase));

        Assert.Equal((JourneyStage.Purchase, false), (story.Stage, story.StageInferred));
    }

    [Fact]
    public void Error_and_unknown_types_have_no_inferred_stage()
    {
        Assert.Null(InteractionStories.Tell(Make("error")).Stage);
        Assert.Null(InteractionStories.Tell(Make("loyalty-scan")).Stage);
    }

    [Fact]
    public void Masked_attributes_stay_masked_in_both_languages()
    {
        var privacy = new PrivacyRules(Options.Create(new PrivacyOptions { MaskedAttributes = ["text", "query"] }));
        var complaint = Make("complaint", caseId: "K-17", attributes: ("text", "call me on 13800138000"));
        var masked = complaint with { Attributes = privacy.Attributes(complaint.Attributes) };

        var story = InteractionStories.Tell(masked);

        Assert.Equal("complaint case K-17: '***00'", story.Sentence);
        Assert.Equal("投诉（工单 K-17）：“***00”", story.Translations[Chinese]);
        Assert.DoesNotContain("138001380", story.Sentence + story.Translations[Chinese]);
    }

    [Fact]
    public void Own_words_are_the_query_of_a_search_and_the_text_of_a_complaint()
    {
        Assert.Equal("red shoes", InteractionStories.OwnWords(Make("search", attributes: ("query", "red shoes"))));
        Assert.Equal("still no refund", InteractionStories.OwnWords(Make("complaint", attributes: ("text", "still no refund"))));
        Assert.Null(InteractionStories.OwnWords(Make("page-view")));
        // A reason is hers where she gave it; on a failed delivery it is the courier's, not a quote of hers.
        Assert.Equal("billing question", InteractionStories.OwnWords(Make("contact", attributes: ("reason", "billing question"))));
        Assert.Null(InteractionStories.OwnWords(Make("delivery", attributes: ("reason", "nobody home"))));
        Assert.Equal("left it with a neighbour?", InteractionStories.OwnWords(Make("delivery", attributes: ("comment", "left it with a neighbour?"))));
    }
}
