using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using static CxLive.Contracts.Journeys.InteractionTypes;

namespace CxLive.Simulator;

/// <summary>
/// The scripted sessions: ordinary journeys across channels and stages (discover → research →
/// purchase → receive → service → share), and a bad experience for each rule that is not a burst
/// rule or that has a richer story than its example tells (<see cref="FromExample"/> makes the rest).
/// Ordinary sessions never contain a failed search, a failed payment or a long wait, so every
/// alert on them would be a false positive.
/// </summary>
internal static class Scenarios
{
    private static readonly string[] Products =
    [
        "red running shoes 42", "wireless earbuds", "4k monitor 27 inch", "rice cooker", "kids raincoat",
        "yoga mat", "espresso machine", "phone case pro max", "green tea gift box", "hiking backpack 30l",
    ];

    /// <summary>Scripted bad experiences by the rule that should catch them.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Random, string, List<SessionStep>>> Bad =
        new Dictionary<string, Func<Random, string, List<SessionStep>>>
        {
            [RuleIds.RepeatedFailedSearch] = FailedSearches,
            [RuleIds.LongWait] = (r, c) => [new(S(0), Channel.CallCenter, "call-center/billing-queue", QueueWait, JourneyStage.Service, Score: r.Next(320, 900))],
            [RuleIds.Detractor] = (r, c) => [new(S(0), Channel.Survey, "survey/post-purchase", Survey, JourneyStage.Share, Score: r.Next(0, 6), Attributes: new() { ["scale"] = "nps" })],
            [RuleIds.PushFatigue] = (r, c) => [.. Enumerable.Range(0, 3).SelectMany(i => new SessionStep[]
            {
                new(S(i * 20), Channel.Push, "push/marketing", PushSent, JourneyStage.Discover),
                new(S(i * 20 + 5), Channel.Push, "push/marketing", PushDismissed, JourneyStage.Discover),
            })],
            [RuleIds.PaymentFailure] = (r, c) =>
            [
                new(S(0), Channel.Web, "web/checkout", Checkout, JourneyStage.Purchase),
                new(S(10), Channel.Web, "web/checkout", Payment, JourneyStage.Purchase, Outcome.Failure),
                new(S(40), Channel.Web, "web/checkout", Payment, JourneyStage.Purchase, Outcome.Failure),
            ],
            [RuleIds.OrderStatusFailure] = (r, c) => Order(r) is var order
                ?
                [
                    new(S(0), Channel.App, "app/orders", OrderStatus, JourneyStage.Receive, Outcome.Failure, Attributes: new() { ["orderId"] = order }),
                    new(S(30), Channel.Web, "web/orders", OrderStatus, JourneyStage.Receive, Outcome.Failure, Attributes: new() { ["orderId"] = order }),
                ]
                : [],
            [RuleIds.UnansweredComplaint] = (r, c) => [new(S(0), Channel.Social, "social/weibo", Complaint, JourneyStage.Service, CaseId: c)],
            [RuleIds.RepeatContact] = (r, c) =>
            [
                new(S(0), Channel.CallCenter, "call-center/support-queue", Contact, JourneyStage.Service, CaseId: c),
                new(S(120 + r.Next(180)), Channel.Chat, "chat/support", Contact, JourneyStage.Service, CaseId: c),
                new(S(420 + r.Next(180)), Channel.Email, "email/support", Contact, JourneyStage.Service, CaseId: c),
            ],
            [RuleIds.MissedFollowUp] = (r, c) => [new(S(0), Channel.FieldService, "field-service/installation", ServiceVisit, JourneyStage.Service, CaseId: c)],
            [RuleIds.IrrelevantRecommendations] = (r, c) =>
            [
                new(S(0), Channel.App, "app/recommendations", RecommendationShown, JourneyStage.Research),
                new(S(5), Channel.App, "app/recommendations", RecommendationRejected, JourneyStage.Research, Attributes: new() { ["item"] = Products[r.Next(Products.Length)] }),
                new(S(60), Channel.App, "app/recommendations", RecommendationShown, JourneyStage.Research),
                new(S(70), Channel.App, "app/recommendations", RecommendationRejected, JourneyStage.Research, Attributes: new() { ["item"] = Products[r.Next(Products.Length)] }),
            ],
            [RuleIds.PointsRedemptionFailure] = (r, c) =>
            [
                new(S(0), Channel.App, "app/rewards", PointsRedemption, JourneyStage.Share, Outcome.Failure, Attributes: new() { ["reward"] = "coffee voucher" }),
                new(S(120 + r.Next(600)), Channel.Web, "web/rewards", PointsRedemption, JourneyStage.Share, Outcome.Failure, Attributes: new() { ["reward"] = "coffee voucher" }),
            ],
        };

    /// <summary>Ordinary sessions: what most customers do most of the time.</summary>
    public static readonly IReadOnlyList<Func<Random, string, List<SessionStep>>> Ordinary =
    [
        BrowseAndBuy,
        (r, c) =>
        [
            new(S(0), Channel.App, "app/home", PageView, JourneyStage.Discover),
            new(S(4), Channel.App, "app/recommendations", RecommendationShown, JourneyStage.Research),
            new(S(9), Channel.App, "app/recommendations", RecommendationClicked, JourneyStage.Research),
            new(S(15), Channel.App, "app/product", ProductView, JourneyStage.Research),
        ],
        (r, c) =>
        [
            new(S(0), Channel.CallCenter, "call-center/support-queue", QueueWait, JourneyStage.Service, Score: r.Next(20, 180)),
            new(S(200), Channel.CallCenter, "call-center/support-queue", Contact, JourneyStage.Service, CaseId: c),
        ],
        (r, c) =>
        [
            new(S(0), Channel.Push, "push/marketing", PushSent, JourneyStage.Discover),
            new(S(30), Channel.Push, "push/marketing", PushOpened, JourneyStage.Discover),
        ],
        (r, c) => [new(S(0), Channel.Survey, "survey/post-purchase", Survey, JourneyStage.Share, Score: r.Next(9, 11), Attributes: new() { ["scale"] = "nps" })],
        (r, c) =>
        [
            new(S(0), Channel.Store, "store/shanghai-pudong", PageView, JourneyStage.Discover),
            new(S(600), Channel.Store, "store/shanghai-pudong", OrderPlaced, JourneyStage.Purchase),
        ],
        // Every touchpoint a bad story fails at also serves ordinary customers well: with failures alone,
        // app/search, the order lookups, the rewards and the courier ran at 100 % failure, and a demo wall showed
        // four permanent outages within minutes.
        (r, c) =>
        [
            new(S(0), Channel.App, "app/home", PageView, JourneyStage.Discover),
            new(S(3), Channel.App, "app/search", Search, JourneyStage.Research, Score: r.Next(3, 80), Attributes: new() { ["query"] = Products[r.Next(Products.Length)] }),
            new(S(9), Channel.App, "app/product", ProductView, JourneyStage.Research),
        ],
        (r, c) => Order(r) is var order && r.Next(2) == 0
            ? [new(S(0), Channel.App, "app/orders", OrderStatus, JourneyStage.Receive, Attributes: new() { ["orderId"] = order })]
            : [new(S(0), Channel.Web, "web/orders", OrderStatus, JourneyStage.Receive, Attributes: new() { ["orderId"] = order })],
        (r, c) => r.Next(2) == 0
            ? [new(S(0), Channel.App, "app/rewards", PointsRedemption, JourneyStage.Share, Attributes: new() { ["reward"] = "coffee voucher" })]
            : [new(S(0), Channel.Web, "web/rewards", PointsRedemption, JourneyStage.Share, Attributes: new() { ["reward"] = "cinema ticket" })],
        (r, c) => [new(S(0), Channel.Partner, "partner/courier", Delivery, JourneyStage.Receive, Attributes: new() { ["orderId"] = Order(r) })],
    ];

    private static List<SessionStep> BrowseAndBuy(Random r, string caseId)
    {
        var product = Products[r.Next(Products.Length)];
        var steps = new List<SessionStep>
        {
            new(S(0), Channel.Web, "web/home", PageView, JourneyStage.Discover),
            new(S(5), Channel.Web, "web/search", Search, JourneyStage.Research, Score: r.Next(3, 80), Attributes: new() { ["query"] = product }),
            new(S(12), Channel.Web, "web/product", ProductView, JourneyStage.Research),
        };
        if (r.NextDouble() < 0.5)
        {
            steps.Add(new(S(20), Channel.Web, "web/cart", AddToCart, JourneyStage.Purchase));
            steps.Add(new(S(40), Channel.Web, "web/checkout", Checkout, JourneyStage.Purchase));
            steps.Add(new(S(50), Channel.Web, "web/checkout", Payment, JourneyStage.Purchase));
            steps.Add(new(S(52), Channel.Web, "web/checkout", OrderPlaced, JourneyStage.Purchase));
        }

        return steps;
    }

    /// <summary>Three or four searches that find nothing, seconds apart; often the customer finds it later.</summary>
    private static List<SessionStep> FailedSearches(Random r, string caseId)
    {
        var product = Products[r.Next(Products.Length)];
        var variants = new[] { product, product.Replace(' ', '-'), product.Split(' ')[0] + " " + product.Split(' ')[^1], product + " cheap" };
        var touchpoint = r.Next(2) == 0 ? "web/search" : "app/search";
        var channel = touchpoint.StartsWith("web", StringComparison.Ordinal) ? Channel.Web : Channel.App;
        var steps = new List<SessionStep>();
        var at = 0;
        for (var i = 0; i < 3 + r.Next(2); i++)
        {
            steps.Add(new(S(at), channel, touchpoint, Search, JourneyStage.Research, Score: 0, Attributes: new() { ["query"] = variants[i] }));
            at += r.Next(2, 7);
        }

        if (r.NextDouble() < 0.5)
        {
            steps.Add(new(S(at + 30), channel, channel == Channel.Web ? "web/product" : "app/product", ProductView, JourneyStage.Research));
        }

        return steps;
    }

    /// <summary>
    /// A burst rule's bad experience made from its example: <see cref="BurstExample.Threshold"/> bad
    /// moments 5 s to a minute apart (and never more than half the window in all, so the run is inside
    /// it however the rule's threshold and window are), and half the time the good moment half a
    /// minute later, as a customer who got there in the end.
    /// </summary>
    public static Func<Random, string, List<SessionStep>> FromExample(BurstExample example) => (r, c) =>
    {
        var most = example.Window / (2 * Math.Max(1, example.Threshold));
        var steps = new List<SessionStep>();
        var at = TimeSpan.Zero;
        for (var i = 0; i < example.Threshold; i++)
        {
            steps.Add(Step(at, example.Bad));
            var gap = S(r.Next(5, 60));
            at += gap < most ? gap : most;
        }

        if (example.Good is { } good && r.NextDouble() < 0.5)
        {
            steps.Add(Step(steps[^1].After + S(30), good));
        }

        return steps;
    };

    private static SessionStep Step(TimeSpan after, ExampleMoment moment) => new(
        after,
        moment.Channel,
        moment.Touchpoint,
        moment.Type,
        moment.Stage,
        moment.Outcome,
        moment.Score,
        moment.Attributes is null ? null : new Dictionary<string, string>(moment.Attributes, StringComparer.Ordinal));

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);

    private static string Order(Random r) => $"ORD-{r.Next(100000, 999999)}";
}
