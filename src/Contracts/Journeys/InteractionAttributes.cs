namespace CxLive.Contracts.Journeys;

/// <summary>
/// The attribute keys CxLive reads (docs/api.md, "Timelines"): what rules label a moment by
/// (a search's query, an order's id) and what a timeline row tells. Other keys are the integrator's
/// own, kept as sent.
/// </summary>
public static class InteractionAttributes
{
    public static readonly IReadOnlyList<string> Read =
    [
        "query", "page", "url", "productId", "item", "product", "orderId", "method", "amount", "text", "comment",
        "message", "reason", "scale", "title", "campaign", "reward", "agentId", "result", "code",
    ];

    private static readonly PlainNames Plain = new(Read);

    /// <summary>
    /// The key CxLive reads that <paramref name="key"/> is written another way from ("Query",
    /// "order_id", "OrderID"): kept as sent, nothing read it, and nothing said so. Null for a key
    /// CxLive reads as written, or one of the integrator's own.
    /// </summary>
    public static string? NearMiss(string key) => Plain.NearMiss(key);
}
