using System.Collections.Immutable;
using System.Globalization;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;
using static CxLive.Contracts.Journeys.InteractionTypes;

namespace CxLive.Grains.Journeys;

/// <summary>
/// Tells an interaction as a short sentence, in English and every other language with a text table
/// (<c>story.*</c> in <c>Detection/Texts/{code}.json</c>, read through <see cref="AlertTexts"/>), from
/// its type, outcome, score, case and attributes: a pure function, so the API, the tests and any later
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

    /// <summary>
    /// The customer's own words on this interaction (a search query, a comment, a complaint's text), if
    /// any. A <c>reason</c> is hers only where she gave it (a complaint, a contact, a survey): on a
    /// delivery it is the courier's ("nobody home"), on a payment the bank's, and Insights quoted
    /// those under "In their own words".
    /// </summary>
    public static string? OwnWords(Interaction interaction) => interaction.Type switch
    {
        Search => interaction.Attribute("query"),
        Complaint or Contact or Survey => FirstOf(interaction, WordsAttributes),
        _ => FirstOf(interaction, SaidAttributes),
    };

    /// <summary>The words attributes that are hers on any interaction (a reason is not: see <see cref="OwnWords"/>).</summary>
    private static readonly string[] SaidAttributes = [.. WordsAttributes.Where(a => a != "reason")];

    /// <param name="agentNames">
    /// Agents' names by id, so an outreach reads "agent Li Na reached out" as the wall names her; an
    /// agent not in it (or no roster) is named by the id the outreach carries.
    /// </param>
    public static InteractionStory Tell(Interaction i, IReadOnlyDictionary<string, string>? agentNames = null)
    {
        var inferred = i.Stage is null ? StageOf(i.Type) : null;
        var (result, tone, sentence) = Tell(i, AlertTexts.English, agentNames);
        return new InteractionStory(result, tone, i.Stage ?? inferred, inferred is not null, sentence,
            AlertTexts.Translations.ToImmutableDictionary(language => language.Code, language => Tell(i, language, agentNames).Sentence));
    }

    private static (string Result, StoryTone Tone, string Sentence) Tell(Interaction i, AlertLanguage words, IReadOnlyDictionary<string, string>? agentNames)
    {
        var (result, tone, sentence) = Describe(i, words, agentNames);
        // The outcome field says failure or abandoned on top of any type (a payment, a checkout); an
        // outreach's result already says how it went.
        return i.Type == Outreach ? (result, tone, sentence) : i.Outcome switch
        {
            Outcome.Failure when result is not "failed" => ("failed", StoryTone.Bad, Say(words, "failed", new() { ["sentence"] = sentence })),
            Outcome.Abandoned when result is not "abandoned" => ("abandoned", StoryTone.Bad, Say(words, "abandoned", new() { ["sentence"] = sentence })),
            _ => (result, tone, sentence),
        };
    }

    private static (string Result, StoryTone Tone, string Sentence) Describe(Interaction i, AlertLanguage words, IReadOnlyDictionary<string, string>? agentNames)
    {
        var item = FirstOf(i, "productId", "item", "product");
        var order = i.Attribute("orderId");
        var own = FirstOf(i, WordsAttributes);
        var title = FirstOf(i, "title", "campaign");
        string Text(string key, TextArgs? args = null) => Say(words, key, args ?? new TextArgs());
        string Q(string value) => words.Text("phrases.quoted", new() { ["value"] = value });
        string Said(string sentence, string? said) => said is null ? sentence : Text("said", new() { ["sentence"] = sentence, ["words"] = Q(said) });
        switch (i.Type)
        {
            case Search:
            {
                var query = i.Attribute("query");
                var searched = query is null ? Text("search") : Text("search.query", new() { ["query"] = Q(query) });
                if (i.Failed)
                {
                    return (Result(i), StoryTone.Bad, Text("failed", new() { ["sentence"] = searched }));
                }

                if (i.Score is not { } found)
                {
                    return ("found", StoryTone.Neutral, searched);
                }

                var n = (int)Math.Clamp(Math.Round(found), int.MinValue, int.MaxValue);
                return (n == 0 ? "found-nothing" : "found", n == 0 ? StoryTone.Bad : StoryTone.Good, Text("search.results", new() { ["sentence"] = searched, ["count"] = n }));
            }

            case PageView:
            {
                var page = FirstOf(i, "page", "url");
                return ("viewed", StoryTone.Neutral, page is null ? Text("page-view", new() { ["touchpoint"] = i.Touchpoint }) : Text("page-view.page", new() { ["page"] = Q(page) }));
            }

            case ProductView:
                return ("viewed", StoryTone.Neutral, item is null ? Text("product-view") : Text("product-view.item", new() { ["item"] = Q(item) }));
            case RecommendationShown:
                return ("shown", StoryTone.Neutral, item is null ? Text("recommendation-shown") : Text("recommendation-shown.item", new() { ["item"] = Q(item) }));
            case RecommendationClicked:
                return ("clicked", StoryTone.Good, item is null ? Text("recommendation-clicked") : Text("recommendation-clicked.item", new() { ["item"] = Q(item) }));
            case RecommendationRejected:
                return ("rejected", StoryTone.Bad, item is null ? Text("recommendation-rejected") : Text("recommendation-rejected.item", new() { ["item"] = Q(item) }));
            case AddToCart:
                return ("added", StoryTone.Good, item is null ? Text("add-to-cart") : Text("add-to-cart.item", new() { ["item"] = Q(item) }));
            case Checkout:
                return ("done", StoryTone.Good, Text("checkout"));
            case Payment:
            {
                var amount = FirstOf(i, "amount");
                var method = i.Attribute("method");
                return ("paid", StoryTone.Good, (amount, method) switch
                {
                    (null, null) => Text("payment"),
                    (_, null) => Text("payment.amount", new() { ["amount"] = amount }),
                    (null, _) => Text("payment.method", new() { ["method"] = method }),
                    _ => Text("payment.amount-method", new() { ["amount"] = amount, ["method"] = method }),
                });
            }

            case OrderPlaced:
                return ("placed", StoryTone.Good, order is null ? Text("order-placed") : Text("order-placed.order", new() { ["order"] = order }));
            case OrderStatus:
                return ("looked-up", StoryTone.Neutral, order is null ? Text("order-status") : Text("order-status.order", new() { ["order"] = order }));
            case Delivery:
                return ("delivered", StoryTone.Good, order is null ? Text("delivery") : Text("delivery.order", new() { ["order"] = order }));
            case Complaint:
                return ("complained", StoryTone.Bad, Said(i.CaseId is { } complained ? Text("complaint.case", new() { ["case"] = complained }) : Text("complaint"), own));
            case ComplaintReply:
                return ("answered", StoryTone.Good, i.CaseId is { } replied ? Text("complaint-reply.case", new() { ["case"] = replied }) : Text("complaint-reply"));
            case Contact:
                return ("contacted", StoryTone.Neutral, Said(i.CaseId is { } contacted ? Text("contact.case", new() { ["case"] = contacted }) : Text("contact"), own));
            case Callback:
                return ("called-back", StoryTone.Good, i.CaseId is { } called ? Text("callback.case", new() { ["case"] = called }) : Text("callback"));
            case QueueWait:
            {
                var waited = i.Score is { } seconds
                    ? Text("queue-wait.span", new() { ["span"] = Wait(words, seconds), ["touchpoint"] = i.Touchpoint })
                    : Text("queue-wait", new() { ["touchpoint"] = i.Touchpoint });
                return i.Outcome == Outcome.Abandoned
                    ? ("abandoned", StoryTone.Bad, Text("gave-up", new() { ["sentence"] = waited }))
                    : ("waited", i.Score >= 300 ? StoryTone.Bad : StoryTone.Neutral, waited);
            }

            case ServiceVisit:
                return ("visited", StoryTone.Neutral, i.CaseId is { } visited ? Text("service-visit.case", new() { ["case"] = visited }) : Text("service-visit"));
            case Survey:
                return SurveyStory(i, own, Text, Said);
            case PushSent:
                return ("sent", StoryTone.Neutral, title is null ? Text("push-sent") : Text("push-sent.title", new() { ["title"] = Q(title) }));
            case PushOpened:
                return ("opened", StoryTone.Good, title is null ? Text("push-opened") : Text("push-opened.title", new() { ["title"] = Q(title) }));
            case PushDismissed:
                return ("dismissed", StoryTone.Bad, title is null ? Text("push-dismissed") : Text("push-dismissed.title", new() { ["title"] = Q(title) }));
            case Unsubscribe:
                return ("unsubscribed", StoryTone.Bad, title is null ? Text("unsubscribe") : Text("unsubscribe.title", new() { ["title"] = Q(title) }));
            case PointsRedemption:
            {
                var reward = i.Attribute("reward");
                return ("redeemed", StoryTone.Good, reward is null ? Text("points-redemption") : Text("points-redemption.reward", new() { ["reward"] = Q(reward) }));
            }

            case Outreach:
            {
                var agent = i.Attribute(OutreachAttributes.AgentId) is { } id ? agentNames?.GetValueOrDefault(id) ?? id : null;
                var outcome = i.Attribute(OutreachAttributes.Result);
                var reached = agent is null ? Text("outreach") : Text("outreach.agent", new() { ["agent"] = agent });
                var result = outcome switch
                {
                    "resolved" => Text("outreach.resolved"),
                    "contacted" => Text("outreach.contacted"),
                    "declined" => Text("outreach.declined"),
                    "unreachable" => Text("outreach.unreachable"),
                    _ => null,
                };
                // The result column says how it went: "reached out" beside a customer nobody reached read as a success.
                var column = outcome switch { "resolved" => "resolved", "declined" => "declined", "unreachable" => "not-reached", _ => "reached-out" };
                return result is null
                    ? ("reached-out", StoryTone.Good, reached)
                    : (column, i.Failed ? StoryTone.Bad : StoryTone.Good, Text("outreach.result", new() { ["sentence"] = reached, ["result"] = result }));
            }

            case Error:
                return ("failed", StoryTone.Bad, Said(Text("error", new() { ["touchpoint"] = i.Touchpoint }), FirstOf(i, "code") ?? own));
            default:
                return ("done", StoryTone.Neutral, Text("other", new() { ["type"] = i.Type, ["touchpoint"] = i.Touchpoint }));
        }
    }

    private static (string, StoryTone, string) SurveyStory(Interaction i, string? own, Func<string, TextArgs?, string> text, Func<string, string?, string> said)
    {
        if (i.Score is not { } score)
        {
            return ("answered-survey", StoryTone.Neutral, said(text("survey", null), own));
        }

        var value = N(score);
        var (key, tone) = SurveyScales.Of(i) switch // as the detractor rule reads it: none given is NPS
        {
            SurveyScales.Nps => ("survey.nps", score <= 6 ? StoryTone.Bad : score >= 9 ? StoryTone.Good : StoryTone.Neutral),
            SurveyScales.Csat => ("survey.csat", score <= 2 ? StoryTone.Bad : score >= 4 ? StoryTone.Good : StoryTone.Neutral),
            _ => ("survey.score", StoryTone.Neutral),
        };
        return ("scored", tone, said(text(key, new() { ["score"] = value }), own));
    }

    private static string Result(Interaction i) => i.Outcome == Outcome.Abandoned ? "abandoned" : "failed";

    /// <summary>
    /// A queue wait as the alerts say spans (<see cref="AlertLanguage.Span"/>): the timeline row and the
    /// long-wait alert it raised name the same wait the same way (470 s is "7 min" in both, not "8 min" in one).
    /// </summary>
    private static string Wait(AlertLanguage words, double seconds) => words.Span(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, ScoreMeanings.MostQueueWaitSeconds))); // a wait kept by a version that took any

    private static string Say(AlertLanguage words, string key, TextArgs args) => words.Text("story." + key, args);

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
}
