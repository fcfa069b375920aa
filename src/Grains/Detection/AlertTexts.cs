using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>
/// Every language's texts, loaded once from the embedded <c>Texts/*.json</c> files: alert texts
/// (keys by rule id), the Slack message words (<c>slack.*</c>, <c>SlackText</c>) and the timeline's
/// sentences (<c>story.*</c>, <c>InteractionStories</c>). English is the alert's own title, detail and
/// suggested words; every other file becomes a translation the alert carries
/// (<see cref="Alert.Translations"/>). Adding a language is adding its file.
/// </summary>
public static class AlertTexts
{
    private const string Prefix = "CxLive.Detection.Texts.";

    public const string EnglishCode = "en";

    /// <summary>Every language found among the resources, English first.</summary>
    public static readonly ImmutableArray<AlertLanguage> All = Load();

    public static AlertLanguage English => All[0];

    /// <summary>The languages an alert is translated into (every one but English).</summary>
    public static IEnumerable<AlertLanguage> Translations => All.Skip(1);

    public static AlertLanguage Language(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"No alert texts for language '{code}'.");

    /// <summary>The table of a language (any case), or null when it has none (and null for null).</summary>
    public static AlertLanguage? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// An alert's words in every language: <paramref name="write"/> is asked once per language,
    /// so the facts that read differently per language (spans, quoted lists) are written its way.
    /// </summary>
    public static AlertWords Write(Func<AlertLanguage, AlertText> write)
    {
        var (english, translations) = InEachLanguage(write);
        return new(english, translations);
    }

    /// <summary>What <paramref name="write"/> gives in English, and in each other language by code (an alert's words, a history step's note).</summary>
    public static (T English, ImmutableDictionary<string, T> Translations) InEachLanguage<T>(Func<AlertLanguage, T> write) =>
        (write(English), Translations.ToImmutableDictionary(l => l.Code, write));

    private static ImmutableArray<AlertLanguage> Load()
    {
        var assembly = typeof(AlertTexts).Assembly;
        var languages = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name =>
            {
                using var json = assembly.GetManifestResourceStream(name)!;
                return AlertLanguage.Parse(name[Prefix.Length..^".json".Length], json);
            })
            .OrderBy(l => l.Code == EnglishCode ? 0 : 1)
            .ThenBy(l => l.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        if (languages.IsEmpty || languages[0].Code != EnglishCode)
        {
            throw new InvalidOperationException($"The alert texts need {Prefix}{EnglishCode}.json: English is every alert's own text.");
        }

        return languages;
    }
}
