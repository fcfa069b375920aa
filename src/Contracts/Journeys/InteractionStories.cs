using System.Collections.Immutable;
using System.Globalization;
using static CxLive.Contracts.Journeys.InteractionTypes;

namespace CxLive.Contracts.Journeys;

/// <summary>
/// Tells an interaction as a short sentence, in English and Simplified Chinese, from its type,
/// outcome, score, case and attributes: a pure function, so the API, the tests and any later
/// reader give the same words. Attribute values are quoted as stored: a masked one (<c>***00</c>)
/// was masked at ingest and stays masked here.
/// </summary>
/// <remarks>
/// Attributes read, by type: <c>query</c> (search); <c>page</c>, <c>url</c> (page-view);
/// <c>productId</c>, <c>item</c>, <c>product</c> (product and recommendation types, add-to-cart);
/// <c>orderId</c> (order types, payment, delivery); <c>method</c>, <c>amount</c> (payment);
/// <c>text</c>, <c>comment</c>, <c>message</c>, <c>reason</c> (complaint, contact, survey, error: the
/// customer's own words); <c>scale</c> (survey: <c>nps</c> or <c>csat</c>); <c>title</c>,
/// <c>campaign</c> (push types, unsubscribe); <c>reward</c> (points-redemption); <c>result</c>,
/// <c>agentId</c> (outreach); <c>code</c> (error). The score means what the catalogue says: results
/// of a search, seconds of a queue wait, the answer of a survey.
/// </remarks>
public static class InteractionStories
{
    public const string Chinese = "zh-CN";

    /// <summary>The attributes that hold the customer's own words, in the order they are preferred.</summary>
    public static readonly IReadOnlyList<string> WordsAttributes = ["text", "comment", "message", "reason"];

    /// <summary>
    /// The stage of an interaction whose integrator sent none, from its type (docs/api.md, "Timelines");
    /// the detectors use the same defaults for the alerts they raise. Null for <c>error</c> and unknown types.
    /// </summary>
    public static JourneyStage? StageOf(string type) => type switch
    {
        PushSent or PushOpened or PushDismissed or Unsubscribe or PageView => JourneyStage.Discover,
        Search or ProductView or RecommendationShown or RecommendationClicked or RecommendationRejected => JourneyStage.Research,
        AddToCart or Checkout or Payment or OrderPlaced or PointsRedemption => JourneyStage.Purchase,
        OrderStatus or Delivery => JourneyStage.Receive,
        Complaint or ComplaintReply or Contact or Callback or QueueWait or ServiceVisit or Outreach => JourneyStage.Service,
        Survey => JourneyStage.Share,
        _ => null,
    };

    /// <summary>The customer's own words on this interaction (a search query, a comment, a complaint's text), if any.</summary>
    public static string? OwnWords(Interaction interaction) =>
        interaction.Type == Search ? interaction.Attribute("query") : FirstOf(interaction, WordsAttributes);

    public static InteractionStory Tell(Interaction i)
    {
        var inferred = i.Stage is null ? StageOf(i.Type) : null;
        var (result, tone, en, zh) = Describe(i);
        // The outcome field says failure or abandoned on top of any type (a payment, a checkout); an
        // outreach's result already says how it went.
        (result, tone, en, zh) = i.Type == Outreach ? (result, tone, en, zh) : i.Outcome switch
        {
            Outcome.Failure when result is not "failed" => ("failed", StoryTone.Bad, en + " — failed", zh + " — 失败"),
            Outcome.Abandoned when result is not "abandoned" => ("abandoned", StoryTone.Bad, en + " — abandoned", zh + " — 放弃"),
            _ => (result, tone, en, zh),
        };
        return new InteractionStory(result, tone, i.Stage ?? inferred, inferred is not null, en,
            ImmutableDictionary<string, string>.Empty.Add(Chinese, zh));
    }

    private static (string Result, StoryTone Tone, string En, string Zh) Describe(Interaction i)
    {
        var item = FirstOf(i, "productId", "item", "product");
        var order = i.Attribute("orderId");
        var words = FirstOf(i, WordsAttributes);
        var title = FirstOf(i, "title", "campaign");
        switch (i.Type)
        {
            case Search:
            {
                var query = i.Attribute("query");
                var en = query is null ? "searched" : $"searched {Q(query)}";
                var zh = query is null ? "搜索" : $"搜索{Qz(query)}";
                if (i.Failed)
                {
                    return (Result(i), StoryTone.Bad, $"{en} — failed", $"{zh} — 失败");
                }

                if (i.Score is not { } found)
                {
                    return ("found", StoryTone.Neutral, en, zh);
                }

                var n = (long)Math.Round(found);
                return n == 0
                    ? ("found-nothing", StoryTone.Bad, $"{en} — 0 results", $"{zh} — 0 条结果")
                    : ("found", StoryTone.Good, $"{en} — {N(n)} {(n == 1 ? "result" : "results")}", $"{zh} — {N(n)} 条结果");
            }

            case PageView:
            {
                var page = FirstOf(i, "page", "url");
                return ("viewed", StoryTone.Neutral, page is null ? $"viewed {i.Touchpoint}" : $"viewed page {Q(page)}",
                    page is null ? $"浏览 {i.Touchpoint}" : $"浏览页面{Qz(page)}");
            }

            case ProductView:
                return ("viewed", StoryTone.Neutral, item is null ? "viewed a product" : $"viewed product {Q(item)}",
                    item is null ? "查看商品" : $"查看商品{Qz(item)}");
            case RecommendationShown:
                return ("shown", StoryTone.Neutral, item is null ? "was shown a recommendation" : $"was shown recommendation {Q(item)}",
                    item is null ? "收到推荐" : $"收到推荐{Qz(item)}");
            case RecommendationClicked:
                return ("clicked", StoryTone.Good, item is null ? "clicked a recommendation" : $"clicked recommendation {Q(item)}",
                    item is null ? "点击了推荐" : $"点击了推荐{Qz(item)}");
            case RecommendationRejected:
                return ("rejected", StoryTone.Bad, item is null ? "rejected a recommendation" : $"rejected recommendation {Q(item)}",
                    item is null ? "拒绝了推荐" : $"拒绝了推荐{Qz(item)}");
            case AddToCart:
                return ("added", StoryTone.Good, item is null ? "added to cart" : $"added {Q(item)} to cart",
                    item is null ? "加入购物车" : $"将{Qz(item)}加入购物车");
            case Checkout:
                return ("done", StoryTone.Good, "checked out", "结账");
            case Payment:
            {
                var how = FirstOf(i, "amount") is { } amount ? $" {amount}" : "";
                var method = i.Attribute("method");
                return ("paid", StoryTone.Good, method is null ? $"paid{how}" : $"paid{how} by {method}",
                    method is null ? $"支付{how}" : $"通过 {method} 支付{how}");
            }

            case OrderPlaced:
                return ("placed", StoryTone.Good, order is null ? "placed an order" : $"placed order {order}",
                    order is null ? "下单" : $"下单 {order}");
            case OrderStatus:
                return ("looked-up", StoryTone.Neutral, order is null ? "looked up an order" : $"looked up order {order}",
                    order is null ? "查询订单" : $"查询订单 {order}");
            case Delivery:
                return ("delivered", StoryTone.Good, order is null ? "delivery" : $"delivery of order {order}",
                    order is null ? "配送" : $"订单 {order} 配送");
            case Complaint:
            {
                var (en, zh) = i.CaseId is { } c ? ($"complaint case {c}", $"投诉（案件 {c}）") : ("complaint", "投诉");
                return ("complained", StoryTone.Bad, words is null ? en : $"{en}: {Q(words)}", words is null ? zh : $"{zh}：{Qz(words)}");
            }

            case ComplaintReply:
                return ("answered", StoryTone.Good, i.CaseId is { } replied ? $"reply to complaint case {replied}" : "reply to a complaint",
                    i.CaseId is { } repliedZh ? $"回复投诉（案件 {repliedZh}）" : "回复投诉");
            case Contact:
            {
                var (en, zh) = i.CaseId is { } c ? ($"contacted us about case {c}", $"就案件 {c} 联系我们") : ("contacted us", "联系我们");
                return ("contacted", StoryTone.Neutral, words is null ? en : $"{en}: {Q(words)}", words is null ? zh : $"{zh}：{Qz(words)}");
            }

            case Callback:
                return ("called-back", StoryTone.Good, i.CaseId is { } called ? $"was called back about case {called}" : "was called back",
                    i.CaseId is { } calledZh ? $"已就案件 {calledZh} 回电" : "已回电");
            case QueueWait:
            {
                (string En, string Zh)? waited = i.Score is { } seconds ? Wait(seconds) : null;
                var en = waited is null ? $"waited in {i.Touchpoint}" : $"waited {waited.Value.En} in {i.Touchpoint}";
                var zh = waited is null ? $"在 {i.Touchpoint} 排队等待" : $"在 {i.Touchpoint} 排队等待 {waited.Value.Zh}";
                return i.Outcome == Outcome.Abandoned
                    ? ("abandoned", StoryTone.Bad, en + " — gave up", zh + " — 放弃")
                    : ("waited", i.Score >= 300 ? StoryTone.Bad : StoryTone.Neutral, en, zh);
            }

            case ServiceVisit:
                return ("visited", StoryTone.Neutral, i.CaseId is { } visited ? $"service visit for case {visited}" : "service visit",
                    i.CaseId is { } visitedZh ? $"上门服务（案件 {visitedZh}）" : "上门服务");
            case Survey:
                return SurveyStory(i, words);
            case PushSent:
                return ("sent", StoryTone.Neutral, title is null ? "was sent a push" : $"was sent push {Q(title)}",
                    title is null ? "收到推送" : $"收到推送{Qz(title)}");
            case PushOpened:
                return ("opened", StoryTone.Good, title is null ? "opened a push" : $"opened push {Q(title)}",
                    title is null ? "打开了推送" : $"打开了推送{Qz(title)}");
            case PushDismissed:
                return ("dismissed", StoryTone.Bad, title is null ? "dismissed a push" : $"dismissed push {Q(title)}",
                    title is null ? "忽略了推送" : $"忽略了推送{Qz(title)}");
            case Unsubscribe:
                return ("unsubscribed", StoryTone.Bad, title is null ? "unsubscribed" : $"unsubscribed from {Q(title)}",
                    title is null ? "退订" : $"退订{Qz(title)}");
            case PointsRedemption:
            {
                var reward = i.Attribute("reward");
                return ("redeemed", StoryTone.Good, reward is null ? "redeemed points" : $"redeemed points for {Q(reward)}",
                    reward is null ? "积分兑换" : $"用积分兑换{Qz(reward)}");
            }

            case Outreach:
            {
                var agent = i.Attribute("agentId");
                var outcome = i.Attribute("result");
                var en = agent is null ? "an agent reached out" : $"agent {agent} reached out";
                var zh = agent is null ? "坐席主动联系" : $"坐席 {agent} 主动联系";
                var (resultEn, resultZh) = outcome switch
                {
                    "resolved" => ("resolved", "已解决"),
                    "contacted" => ("contacted", "已联系"),
                    "declined" => ("declined", "客户拒绝"),
                    "unreachable" => ("unreachable", "无法联系"),
                    _ => (null, null),
                };
                return resultEn is null
                    ? ("reached-out", StoryTone.Good, en, zh)
                    : (outcome == "resolved" ? "resolved" : "reached-out", i.Failed ? StoryTone.Bad : StoryTone.Good, $"{en}: {resultEn}", $"{zh}：{resultZh}");
            }

            case Error:
            {
                var what = FirstOf(i, "code") ?? words;
                return ("failed", StoryTone.Bad, what is null ? $"hit an error in {i.Touchpoint}" : $"hit an error in {i.Touchpoint}: {Q(what)}",
                    what is null ? $"在 {i.Touchpoint} 遇到错误" : $"在 {i.Touchpoint} 遇到错误：{Qz(what)}");
            }

            default:
                return ("done", StoryTone.Neutral, $"{i.Type} in {i.Touchpoint}", $"{i.Touchpoint}：{i.Type}");
        }
    }

    private static (string, StoryTone, string, string) SurveyStory(Interaction i, string? words)
    {
        var scale = i.Attribute("scale")?.ToLowerInvariant();
        var said = words is null ? ("", "") : ($": {Q(words)}", $"：{Qz(words)}");
        if (i.Score is not { } score)
        {
            return ("answered-survey", StoryTone.Neutral, "answered a survey" + said.Item1, "回答了问卷" + said.Item2);
        }

        var value = N(score);
        var (en, zh, tone) = scale switch
        {
            "nps" => ($"NPS {value}", $"NPS {value} 分", score <= 6 ? StoryTone.Bad : score >= 9 ? StoryTone.Good : StoryTone.Neutral),
            "csat" => ($"CSAT {value} of 5", $"CSAT {value} 分（满分 5）", score <= 2 ? StoryTone.Bad : score >= 4 ? StoryTone.Good : StoryTone.Neutral),
            _ => ($"survey score {value}", $"问卷评分 {value}", StoryTone.Neutral),
        };
        return ("scored", tone, en + said.Item1, zh + said.Item2);
    }

    private static string Result(Interaction i) => i.Outcome == Outcome.Abandoned ? "abandoned" : "failed";

    private static (string En, string Zh) Wait(double seconds) => seconds switch
    {
        < 60 => ($"{N(Math.Round(seconds))} s", $"{N(Math.Round(seconds))} 秒"),
        < 7200 => ($"{N(Math.Round(seconds / 60))} min", $"{N(Math.Round(seconds / 60))} 分钟"),
        _ => ($"{N(Math.Round(seconds / 3600, 1))} h", $"{N(Math.Round(seconds / 3600, 1))} 小时"),
    };

    private static string? FirstOf(Interaction i, params IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (i.Attribute(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Q(string text) => $"'{text}'";

    private static string Qz(string text) => $"“{text}”";
}
