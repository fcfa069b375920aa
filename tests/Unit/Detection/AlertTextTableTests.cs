using System.Text.RegularExpressions;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Webhooks;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// The texts per language (src/Grains/Detection/Texts/*.json: alerts, Slack words, timeline
/// sentences) stay complete and honest: a language has every English key, and a text names only
/// facts its writer supplies, so adding a language or rewording one cannot break an alert, a Slack
/// message or a timeline at the moment it is written.
/// </summary>
public sealed partial class AlertTextTableTests
{
    [Fact]
    public void English_and_Chinese_are_found_among_the_resources()
    {
        Assert.Equal("en", AlertTexts.English.Code);
        Assert.Contains(AlertTexts.Translations, l => l.Code == "zh-CN");
    }

    [Fact]
    public void Every_language_has_exactly_the_english_keys()
    {
        var english = AlertTexts.English.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.All(AlertTexts.Translations, language =>
            Assert.Equal(english, language.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_rule_has_texts_and_every_key_belongs_to_a_rule_or_the_shared_phrases()
    {
        var rules = SourcesByRule().Keys.ToHashSet();
        var prefixes = AlertTexts.English.Keys.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToHashSet();

        Assert.Equal(rules.Concat(["history", "phrases", "slack", "story"]).Order(), prefixes.Order());
    }

    /// <summary>
    /// A text's placeholders are names its detector's source fills in (<c>["count"] = …</c>), or the
    /// shared phrases' own. Read from the source, so a key whose variant no test journey reaches is checked too.
    /// </summary>
    [Fact]
    public void Every_placeholder_is_one_the_rule_supplies()
    {
        var supplied = SourcesByRule().ToDictionary(
            r => r.Key,
            r => Supplied().Matches(File.ReadAllText(r.Value)).Select(m => m.Groups[1].Value).ToHashSet());
        supplied["phrases"] = SuppliedIn("Detection", "AlertLanguage.cs");
        supplied["slack"] = SuppliedIn("Webhooks", "SlackText.cs");
        supplied["story"] = SuppliedIn("Journeys", "InteractionStories.cs");
        supplied["history"] = SuppliedIn("Alerts", "HistoryNote.cs");

        var unsupplied =
            from language in AlertTexts.All
            from key in language.Keys
            from form in language.Forms(key)
            from placeholder in Placeholder().Matches(form).Select(m => m.Groups[1].Value)
            where !supplied[key[..key.IndexOf('.', StringComparison.Ordinal)]].Contains(placeholder)
            select $"{language.Code} {key}: {{{placeholder}}}";

        Assert.Empty(unsupplied);
    }

    /// <summary>The timeline's sentences: every <c>story.*</c> key is one the storyteller asks for (its source names it), so none is dead or misspelt.</summary>
    [Fact]
    public void Every_story_key_is_asked_for_by_the_storyteller()
    {
        var source = File.ReadAllText(Repository.PathOf("src", "Grains", "Journeys", "InteractionStories.cs"));

        Assert.All(
            AlertTexts.English.Keys.Where(k => k.StartsWith("story.", StringComparison.Ordinal)),
            key => Assert.Contains($"\"{key["story.".Length..]}\"", source, StringComparison.Ordinal));
    }

    /// <summary>
    /// The history's words: every <c>history.*</c> key is one <c>HistoryNote</c> asks for (its source
    /// names it), and every channel and every outreach result has words, so the desk's notes never
    /// meet a missing key.
    /// </summary>
    [Fact]
    public void Every_history_key_is_asked_for_and_every_channel_and_outreach_result_has_words()
    {
        var source = File.ReadAllText(Repository.PathOf("src", "Grains", "Alerts", "HistoryNote.cs"));
        var keys = AlertTexts.English.Keys.Where(k => k.StartsWith("history.", StringComparison.Ordinal)).ToList();

        Assert.All(
            keys.Where(k => !k.StartsWith("history.channel.", StringComparison.Ordinal) && !k.StartsWith("history.outreach.", StringComparison.Ordinal)),
            key => Assert.True(source.Contains($"\"{key["history.".Length..]}\"", StringComparison.Ordinal) || source.Contains($"\"{key}\"", StringComparison.Ordinal), key));
        Assert.Equal(
            Enum.GetValues<Channel>().Select(c => "history.channel." + WireNames<Channel>.Of(c)).Order(StringComparer.Ordinal),
            keys.Where(k => k.StartsWith("history.channel.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(
            Enum.GetValues<OutreachResult>().Select(r => "history.outreach." + WireNames<OutreachResult>.Of(r)).Order(StringComparer.Ordinal),
            keys.Where(k => k.StartsWith("history.outreach.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    /// <summary>The Slack words are each event's name, each severity and state, and the four labels around them: no more, no fewer.</summary>
    [Fact]
    public void The_slack_words_are_every_event_severity_and_state()
    {
        var expected = WebhookEvents.All
            .Concat(Enum.GetValues<Severity>().Select(s => "severity." + WireNames<Severity>.Of(s)))
            .Concat(Enum.GetValues<AlertState>().Select(s => "state." + WireNames<AlertState>.Of(s)))
            .Concat(["customer", "touchpoint", "rule", "affected"])
            .Select(k => "slack." + k);

        Assert.Equal(expected.Order(StringComparer.Ordinal), AlertTexts.English.Keys.Where(k => k.StartsWith("slack.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_placeholder_nobody_supplied_fails_loudly_instead_of_reaching_a_customer()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AlertTexts.English.Text("repeated-failed-search.detail", new() { ["count"] = 3 }));
        Assert.Contains("{span}", error.Message);
    }

    [Fact]
    public void One_and_other_forms_follow_the_count()
    {
        Assert.Equal("1 failed search in 4 min", AlertTexts.English.Text("repeated-failed-search.title", new() { ["count"] = 1, ["span"] = "4 min" }));
        Assert.Equal("2 failed searches in 4 min", AlertTexts.English.Text("repeated-failed-search.title", new() { ["count"] = 2, ["span"] = "4 min" }));
        // A silent touchpoint fires with 0 to 5 interactions in its window at the defaults: it said "1 events in 10 min" (and "events" where its detail said "interactions").
        var silence = AlertTexts.English.Alert("touchpoint-silence", new() { ["touchpoint"] = "app/checkout", ["count"] = 1L, ["minutes"] = 10, ["usual"] = "60" });
        Assert.Equal("app/checkout silent: 1 interaction in 10 min", silence.Title);
        Assert.StartsWith("1 interaction arrived in the last 10 min", silence.Detail);
        Assert.Equal("app/checkout silent: 0 interactions in 10 min", AlertTexts.English.Alert("touchpoint-silence", new() { ["touchpoint"] = "app/checkout", ["count"] = 0L, ["minutes"] = 10, ["usual"] = "60" }).Title);
        Assert.Equal("Traffic is back: 1 interaction in the last 10 min.", AlertTexts.English.Resolved("touchpoint-silence", new() { ["count"] = 1L, ["minutes"] = 10 }));
        // A rule's threshold may be set to 1: its detail then agrees with its title.
        Assert.Equal("1 search found nothing in 4 min: 'boots'", AlertTexts.English.Text("repeated-failed-search.detail", new() { ["count"] = 1, ["span"] = "4 min", ["queries"] = "'boots'" }));
    }

    /// <summary>
    /// The desk reaches a customer on the channel they use most (the rule's channel is only the
    /// fallback), so neither a prompt's context nor the words it suggests may say the agent calls,
    /// emails or texts: an agent read "Reach them on Email" above "Call within a day", and a Chinese
    /// agent on the app channel was given "我给您回电" (I'm calling you back) to say.
    /// </summary>
    [Fact]
    public void No_context_or_wording_tells_the_agent_which_channel_to_use()
    {
        var naming = AlertTexts.All
            .SelectMany(language => language.Keys
                .Where(k => k.EndsWith(".context", StringComparison.Ordinal) || k.EndsWith(".wording", StringComparison.Ordinal))
                .SelectMany(k => language.Forms(k).Select(text => (language.Code, Key: k, Text: text))))
            .Where(t => (t.Code == AlertTexts.EnglishCode ? ChannelVerb() : ChineseChannelVerb()).IsMatch(t.Text));

        Assert.Empty(naming);
    }

    /// <summary>Each rule id with the source file of the detector that writes its alerts.</summary>
    private static Dictionary<string, string> SourcesByRule()
    {
        var detectors = CustomerDetectors.Catalogue();
        var types = detectors.Definitions
            .Select(d => d.RuleId)
            .ToDictionary(id => id, id => typeof(BurstDetector).Assembly.GetTypes()
                .Single(t => t.Namespace == typeof(BurstDetector).Namespace && t.GetField("RuleId")?.GetRawConstantValue() as string == id));
        return types.ToDictionary(t => t.Key, t => Repository.PathOf("src", "Grains", "Detection", "Rules", t.Value.Name + ".cs"));
    }

    private static HashSet<string> SuppliedIn(string folder, string file) =>
        Supplied().Matches(File.ReadAllText(Repository.PathOf("src", "Grains", folder, file))).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\[""([A-Za-z][A-Za-z0-9-]*)""\]\s*=")]
    private static partial Regex Supplied();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(call|calling|phone|ring|e-?mail|sms|text them|message them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelVerb();

    // "I phone", "I call you back", "by text message", "by email" (安排回电, offering a callback, is not one).
    [GeneratedRegex("打电话|电话联系|给您回电|致电|发短信|发邮件")]
    private static partial Regex ChineseChannelVerb();
}
