using System.Text.RegularExpressions;
using CxLive.Grains.Detection;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Pages;

/// <summary>
/// A language is two tables: the pages' (<c>i18n.js</c>) and the server's (<c>Detection/Texts/{code}.json</c>:
/// alerts, Slack words, timeline sentences). The pages offer exactly the languages the server can write.
/// </summary>
public sealed partial class LanguagesTests
{
    [Fact]
    public void The_pages_offer_exactly_the_languages_that_have_a_text_table()
    {
        var i18n = File.ReadAllText(Repository.PathOf("src", "Dashboard", "wwwroot", "i18n.js"));
        var offered = LanguageKey().Matches(LanguagesLine().Match(i18n).Groups[1].Value)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

        Assert.Equal(AlertTexts.All.Select(l => l.Code).Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_page_text_key_is_given_twice_in_a_language()
    {
        // A repeated key silently replaces the first: the agent's "Unreachable" button once read
        // "Could not reach CxLive…", because an error message took the button's key.
        var tables = PageTables();

        Assert.Equal(AlertTexts.All.Length, tables.Count);
        Assert.All(tables, table => Assert.Empty(TextKey().Matches(table).GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1).Select(g => g.Key)));
    }

    [Fact]
    public void Every_rule_of_the_catalogue_has_a_name_in_every_language()
    {
        // The pages name rules ("Repeated failed search", "反复搜索无果"); a rule without a name falls back to its id.
        var tables = PageTables();
        var rules = CustomerDetectors.Catalogue().Definitions.Select(d => d.RuleId).ToList();

        Assert.NotEmpty(rules);
        Assert.All(tables, table => Assert.All(rules, rule => Assert.Contains($"\"rule.{rule}\":", table, StringComparison.Ordinal)));

        // The server names them too, in an alert's history ("folded condition cleared (Repeated
        // failed search)"): the same name as the card beside it, in each language.
        var named = tables.Select(table => TextEntry().Matches(table).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value)).ToList();
        Assert.All(AlertTexts.All.Select((language, i) => (language, page: named[i])), pair =>
            Assert.All(rules, rule => Assert.Equal(pair.page[$"rule.{rule}"], pair.language.RuleName(rule))));
    }

    [Fact]
    public void No_translated_text_is_the_english_one_word_for_word()
    {
        // A word left in English reads as a gap to a Chinese supervisor: the heat map's "App" column
        // did, beside 网站 and 呼叫中心. Only the product's name stays as it is.
        var tables = PageTables()
            .Select(table => TextEntry().Matches(table).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value)).ToList();
        var server = AlertTexts.All.Select(l => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(
                File.ReadAllText(Repository.PathOf("src", "Grains", "Detection", "Texts", l.Code + ".json")))!
            .ToDictionary(e => e.Key, e => e.Value.ValueKind == System.Text.Json.JsonValueKind.String ? e.Value.GetString()! : e.Value.GetRawText())) // a text with forms, whole
            .ToList();

        Assert.True(tables[0].Count > 250, $"the English page table read as {tables[0].Count} texts");
        var pairs = tables.Skip(1).Select(table => (Translated: table, English: tables[0]))
            .Concat(server.Skip(1).Select(table => (Translated: table, English: server[0])));
        Assert.All(pairs, pair => Assert.Empty(pair.Translated
            .Where(e => e.Value != "CxLive" && pair.English.GetValueOrDefault(e.Key) == e.Value)
            .Select(e => $"{e.Key}: {e.Value}")));
    }

    /// <summary>The text of each language's table in <c>i18n.js</c>, English first.</summary>
    private static List<string> PageTables()
    {
        var i18n = File.ReadAllText(Repository.PathOf("src", "Dashboard", "wwwroot", "i18n.js"));
        return [.. TableStart().Split(i18n[..i18n.IndexOf("export const languages", StringComparison.Ordinal)]).Skip(1)];
    }

    [GeneratedRegex(@"^  (?:[a-z]+|""[A-Za-z-]+""): \{$", RegexOptions.Multiline)]
    private static partial Regex TableStart();

    [GeneratedRegex(@"""([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)+)"":")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"""([a-zA-Z]+(?:\.[a-zA-Z0-9*-]+)+)"":\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex TextEntry();

    [GeneratedRegex(@"export const languages = \{([^}]*)\};")]
    private static partial Regex LanguagesLine();

    [GeneratedRegex(@"(?:""([^""]+)""|([A-Za-z-]+))\s*:")]
    private static partial Regex LanguageKey();
}
