using System.Globalization;
using System.Text;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Text;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>
/// One language's alert texts (an embedded <c>Texts/{code}.json</c>): keys such as
/// <c>repeated-failed-search.title</c>, each a text with <c>{placeholders}</c>, or an object with
/// <c>one</c> and <c>other</c> forms chosen by the <c>count</c> placeholder. Also how the language
/// writes the small phrases every alert shares: spans ("4 min") and quoted lists ("'a', 'b'").
/// </summary>
public sealed class AlertLanguage
{
    private readonly Dictionary<string, (string Other, string? One)> _texts;

    private AlertLanguage(string code, Dictionary<string, (string Other, string? One)> texts)
    {
        Code = code;
        _texts = texts;
    }

    /// <summary>The BCP 47 name alerts carry their translations under ("en", "zh-CN").</summary>
    public string Code { get; }

    public IEnumerable<string> Keys => _texts.Keys;

    /// <summary>Every form of a key's text (both plural forms when it has two): what tests check placeholders in.</summary>
    public IEnumerable<string> Forms(string key) =>
        _texts[key] is var (other, one) && one is not null ? [one, other] : [other];

    public bool Has(string key) => _texts.ContainsKey(key);

    public static AlertLanguage Parse(string code, Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var texts = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            texts[entry.Name] = entry.Value.ValueKind == JsonValueKind.Object
                ? (entry.Value.GetProperty("other").GetString()!, entry.Value.GetProperty("one").GetString())
                : (entry.Value.GetString()!, null);
        }

        return new AlertLanguage(code, texts);
    }

    /// <summary>
    /// The text of <paramref name="key"/> with its placeholders filled. A placeholder the caller did
    /// not supply throws: a text file naming a fact the rule does not have must fail a test, not ship.
    /// </summary>
    public string Text(string key, TextArgs args)
    {
        if (!_texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No {Code} alert text '{key}'.");
        }

        var form = text.One is not null && args.TryGetValue("count", out var count) && count is 1 or 1L ? text.One : text.Other; // a count of events is a long
        return Fill(key, form, args);
    }

    /// <summary>
    /// An alert's title, detail, wording and context from <c>{rule}.title</c> and so on; with a
    /// <paramref name="variant"/>, <c>{rule}.title.{variant}</c> wherever the table has one. Wording
    /// and context are null when the table has none (a retitling carries only title and detail).
    /// </summary>
    public AlertText Alert(string rule, TextArgs args, string? variant = null) => new(
        Text(Slot(rule, "title", variant), args),
        Text(Slot(rule, "detail", variant), args),
        Has($"{rule}.wording") ? Text(Slot(rule, "wording", variant), args) : null,
        Has($"{rule}.context") ? Text(Slot(rule, "context", variant), args) : null);

    /// <summary>
    /// Why an alert's condition cleared (<c>{rule}.resolved</c>, or <c>{rule}.resolved.{variant}</c>
    /// where the table has one). The English one is the resolve signal's reason, kept in the alert's history.
    /// </summary>
    public string Resolved(string rule, TextArgs args, string? variant = null) => Text(Slot(rule, "resolved", variant), args);

    /// <summary>How long something took, in words ("4 min", "2 h 5 min").</summary>
    public string Span(TimeSpan span)
    {
        // Clocks stamp milliseconds: 1 min 59.999 s between three searches is "2 min", as the same searches on whole seconds read.
        var whole = TimeSpan.FromSeconds(Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero));
        return whole switch
        {
            { TotalSeconds: < 60 } => Text("phrases.span.seconds", new() { ["n"] = Math.Max(0, (int)whole.TotalSeconds) }),
            { TotalMinutes: < 60 } => Text("phrases.span.minutes", new() { ["n"] = (int)whole.TotalMinutes }),
            { TotalHours: < 48 } => whole.Minutes == 0
                ? Text("phrases.span.hours", new() { ["n"] = (int)whole.TotalHours })
                : Text("phrases.span.hours-minutes", new() { ["h"] = (int)whole.TotalHours, ["m"] = whole.Minutes }),
            // 2 days 23 h read "2 days" (whole days only): the hours are said, as under two days the minutes are.
            _ => whole.Hours == 0
                ? Text("phrases.span.days", new() { ["n"] = (int)whole.TotalDays })
                : Text("phrases.span.days-hours", new() { ["d"] = (int)whole.TotalDays, ["h"] = whole.Hours }),
        };
    }

    /// <summary>
    /// A moment, in the UTC form the pages write in the reader's own time and language ("due by
    /// 2026-12-06 09:29:00Z" reads "due by 9:29 AM"): a span from now ("due in 19 min") is wrong a
    /// minute later, and a title is read for as long as the card is up.
    /// </summary>
    public static string Moment(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>
    /// A share as a whole percentage, "40%" in English and Chinese alike. Not the host's culture:
    /// the invariant one writes "40 %", and the pages beside an alert write "40%".
    /// </summary>
    public static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Distinct values, in order of first use, at most <paramref name="most"/>, each quoted the
    /// language's way, and one used more than once says how often ("'kids raincoat' ×2"): "4 searches
    /// found nothing" beside three queries read as a miscount. (Not in brackets: several details
    /// hold the list in brackets already, "3 payments failed in 5 min ('card' ×3)".)
    /// </summary>
    public string Quoted(IEnumerable<string?> values, int most = 5) =>
        string.Join(
            Text("phrases.list-separator", new()),
            values.OfType<string>().GroupBy(v => v).Take(most).Select(g => g.Count() > 1
                ? Text("phrases.quoted-times", new() { ["value"] = g.Key, ["count"] = g.Count() })
                : Text("phrases.quoted", new() { ["value"] = g.Key })));

    /// <summary>Values joined the language's way: "app, web"; "应用、网站".</summary>
    public string List(IEnumerable<string> values) => string.Join(Text("phrases.list-separator", new()), values);

    /// <summary>A channel as this language names it ("call-center"; "呼叫中心").</summary>
    public string ChannelName(Channel channel) => Text($"history.channel.{WireNames<Channel>.Of(channel)}", new());

    /// <summary>A rule's name as the pages show it ("Repeated failed search"); a rule it has no name for, by its id.</summary>
    public string RuleName(string rule) => Has($"phrases.rule.{rule}") ? Text($"phrases.rule.{rule}", new()) : rule;

    /// <summary>An interaction type as this language names it ("a complaint", "投诉"); a type the table does not know, as sent.</summary>
    public string TypeName(string type) => Has($"phrases.type.{type}") ? Text($"phrases.type.{type}", new()) : type;

    private string Slot(string rule, string slot, string? variant) =>
        variant is not null && Has($"{rule}.{slot}.{variant}") ? $"{rule}.{slot}.{variant}" : $"{rule}.{slot}";

    private string Fill(string key, string form, TextArgs args)
    {
        var filled = new StringBuilder(form.Length + 32);
        var at = 0;
        while (form.IndexOf('{', at) is var open and >= 0)
        {
            var close = form.IndexOf('}', open);
            var name = form[(open + 1)..close];
            if (!args.TryGetValue(name, out var value))
            {
                throw new InvalidOperationException($"The {Code} alert text '{key}' names {{{name}}}, which its rule does not supply.");
            }

            filled.Append(form, at, open - at).Append(value is string text ? BidiText.Isolated(text) : Convert.ToString(value, CultureInfo.CurrentCulture));
            at = close + 1;
        }

        return filled.Append(form, at, form.Length - at).ToString();
    }
}
