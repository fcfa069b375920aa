namespace CxLive.Contracts.Journeys;

/// <summary>
/// The interaction type catalogue (docs/api.md). Types are strings, not an enum, because unknown types are
/// accepted, kept and counted (they just drive no detector).
/// </summary>
public static class InteractionTypes
{
    public const string Search = "search";
    public const string PageView = "page-view";
    public const string ProductView = "product-view";
    public const string RecommendationShown = "recommendation-shown";
    public const string RecommendationClicked = "recommendation-clicked";
    public const string RecommendationRejected = "recommendation-rejected";
    public const string AddToCart = "add-to-cart";
    public const string Checkout = "checkout";
    public const string Payment = "payment";
    public const string OrderPlaced = "order-placed";
    public const string OrderStatus = "order-status";
    public const string Delivery = "delivery";
    public const string Complaint = "complaint";
    public const string ComplaintReply = "complaint-reply";
    public const string Contact = "contact";
    public const string Callback = "callback";
    public const string QueueWait = "queue-wait";
    public const string ServiceVisit = "service-visit";
    public const string Survey = "survey";
    public const string PushSent = "push-sent";
    public const string PushOpened = "push-opened";
    public const string PushDismissed = "push-dismissed";
    public const string Unsubscribe = "unsubscribe";
    public const string PointsRedemption = "points-redemption";
    public const string Outreach = "outreach";
    public const string Error = "error";

    /// <summary>
    /// The catalogue type an unknown one was surely meant to be: the same words in another case or
    /// joined another way ("Search", "PageView", "queue_wait"). Such a type was kept as unknown, and
    /// no rule ever read the integrator's searches. Null for a type of the catalogue, or one of the
    /// integrator's own ("loyalty-tier-changed").
    /// </summary>
    public static string? NearMiss(string type) => Plain.NearMiss(type);

    /// <summary>
    /// Every catalogue type: parsers hand out one shared string per known type, and a customer's stored
    /// timeline keeps a type as its index here. Append only: moving one would change the meaning of
    /// stored timelines (<c>InteractionTypesTests</c> pins the order).
    /// </summary>
    public static readonly IReadOnlyList<string> All =
    [
        Search, PageView, ProductView, RecommendationShown, RecommendationClicked, RecommendationRejected,
        AddToCart, Checkout, Payment, OrderPlaced, OrderStatus, Delivery, Complaint, ComplaintReply,
        Contact, Callback, QueueWait, ServiceVisit, Survey, PushSent, PushOpened, PushDismissed,
        Unsubscribe, PointsRedemption, Outreach, Error,
    ];

    /// <summary>Each catalogue type, and by its plain form (lowercase, no separators): "pageview" is page-view.</summary>
    private static readonly PlainNames Plain = new(All);
}
