using System.Text.Json.Nodes;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Reads alerts as the API gives them under "one customer, one conversation" (docs/alerts.md): a
/// customer's further condition is folded into their open alert, so a rule's condition is held by an
/// alert of that rule or by the alert it was folded into, and its latest words are the title of the
/// one or a history note of the other.
/// </summary>
public static class Conversations
{
    /// <summary>Whether the alert holds the rule's condition: its own rule, or folded into it.</summary>
    public static bool Holds(JsonNode? alert, string ruleId) =>
        alert!["ruleId"]!.GetValue<string>() == ruleId
        || (alert["folded"]?.AsArray().Any(r => r!.GetValue<string>() == ruleId) ?? false);

    /// <summary>The alerts that hold the rule's condition for the customer.</summary>
    public static List<JsonNode?> Holding(IEnumerable<JsonNode?> alerts, string customerId, string ruleId) =>
        [.. alerts.Where(a => a!["customerId"]?.GetValue<string>() == customerId && Holds(a, ruleId))];

    /// <summary>The condition's latest words: the title when it is the alert's own rule, else the latest note its rule wrote in the holder's history.</summary>
    public static string WordsOf(JsonNode? alert, string ruleId) =>
        alert!["ruleId"]!.GetValue<string>() == ruleId
            ? alert["title"]!.GetValue<string>()
            : alert["history"]!.AsArray().LastOrDefault(h => h!["by"]!.GetValue<string>() == "rule:" + ruleId)?["note"]?.GetValue<string>() ?? "";
}
