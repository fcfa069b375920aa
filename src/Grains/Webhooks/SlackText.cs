using System.Text;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// The <c>slack</c> format: <c>{"text": ...}</c>, what a Slack (or Mattermost, or Teams workflow)
/// incoming webhook posts to a channel, in the target's language: the alert's own translated title
/// and detail when it has them (<c>translations</c>), English otherwise. The words around them come
/// from the language's table (<c>slack.*</c> in <c>Detection/Texts/{code}.json</c>), the same
/// vocabulary as the pages; a language without a table (refused by the validator) reads English.
/// </summary>
public static class SlackText
{
    public static byte[] Of(Alert alert, string @event, string? language)
    {
        var words = WordsOf(language);
        var text = language is not null && alert.Translations.TryGetValue(language, out var translated) ? translated : new AlertText(alert.Title, alert.Detail);
        var line = new StringBuilder()
            .Append(Word(words, @event)).Append(" [").Append(Word(words, "severity." + WireNames<Severity>.Of(alert.Severity))).Append("] *").Append(OneLine(text.Title))
            .Append("* (").Append(Word(words, "state." + WireNames<AlertState>.Of(alert.State))).Append(")\n")
            .Append(OneLine(text.Detail)).Append('\n');
        if (alert.CustomerId is { } customer)
        {
            line.Append(Word(words, "customer")).Append(": ").Append(OneLine(customer)).Append(" · ");
        }

        if (alert.Touchpoint is { } touchpoint)
        {
            line.Append(Word(words, "touchpoint")).Append(": ").Append(OneLine(touchpoint)).Append(" · ");
        }

        line.Append(Word(words, "rule")).Append(": ").Append(alert.RuleId).Append(" · ").Append(alert.Id);
        return Json(line.ToString());
    }

    public static byte[] Of(Incident incident, string @event, string? language)
    {
        var words = WordsOf(language);
        var affected = words.Text("slack.affected", new() { ["count"] = incident.AffectedCustomers });
        return Json($"{Word(words, @event)}: *{OneLine(incident.Title)}*\n{Word(words, "touchpoint")}: {OneLine(incident.Touchpoint)} · {affected} · {incident.Id}");
    }

    private static AlertLanguage WordsOf(string? language) => AlertTexts.Find(language) ?? AlertTexts.English;

    private static string Word(AlertLanguage words, string key) => words.Text("slack." + key, new());

    /// <summary>
    /// Integrators' text (a customer's words quoted in a title, a customer id, a touchpoint) may break
    /// lines: in a chat message that would read as lines of CxLive's own ("rule: …" forged under the alert).
    /// </summary>
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\n', '\r', '\t') < 0 ? text : System.Text.RegularExpressions.Regex.Replace(text, @"[\r\n\t]+", " ");

    /// <summary>
    /// Slack reads &amp;, &lt; and &gt; as markup; a customer's words must not become a link or a
    /// mention. Mattermost also reads Markdown links, <c>[words](url)</c>: an invisible space between
    /// the brackets and the parenthesis leaves the words as written and makes no link of them.
    /// </summary>
    private static byte[] Json(string text) =>
        JsonSerializer.SerializeToUtf8Bytes(new { text = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("](", "]\u200B(") }, CxJson.Options);
}
