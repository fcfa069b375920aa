using CxLive.Contracts.Journeys;

namespace CxLive.Tests.Unit.Customers;

public class InteractionTypesTests
{
    /// <summary>Stored timelines keep a type as its index in the table: new types go at the end, and nothing moves.</summary>
    [Fact]
    public void The_type_table_only_grows_at_its_end()
    {
        string[] stored =
        [
            "search", "page-view", "product-view", "recommendation-shown", "recommendation-clicked", "recommendation-rejected",
            "add-to-cart", "checkout", "payment", "order-placed", "order-status", "delivery", "complaint", "complaint-reply",
            "contact", "callback", "queue-wait", "service-visit", "survey", "push-sent", "push-opened", "push-dismissed",
            "unsubscribe", "points-redemption", "outreach", "error",
        ];

        Assert.Equal(stored, InteractionTypes.All.Take(stored.Length));
    }
}
