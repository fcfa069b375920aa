using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Client;

/// <summary>The interaction types CxLive's detectors know.</summary>
public static class CxTypes
{
    public const string Search = "search", PageView = "page-view", ProductView = "product-view", RecommendationShown = "recommendation-shown",
        RecommendationClicked = "recommendation-clicked", RecommendationRejected = "recommendation-rejected", AddToCart = "add-to-cart",
        Checkout = "checkout", Payment = "payment", OrderPlaced = "order-placed", OrderStatus = "order-status", Delivery = "delivery",
        Complaint = "complaint", ComplaintReply = "complaint-reply", Contact = "contact", Callback = "callback", QueueWait = "queue-wait",
        ServiceVisit = "service-visit", Survey = "survey", PushSent = "push-sent", PushOpened = "push-opened", PushDismissed = "push-dismissed",
        Unsubscribe = "unsubscribe", PointsRedemption = "points-redemption", Outreach = "outreach", Error = "error";
}
