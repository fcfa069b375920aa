using System.Collections.Immutable;

namespace CxLive.Alerts;

/// <summary>
/// An alert's words in one more language: the same title, detail, suggested wording and agent
/// context the alert carries in English. Written by the detector that raised it, from the same
/// facts, so a Chinese-speaking supervisor reads "40 秒内 3 次搜索无结果" rather than a
/// machine translation, and the agent says the wording in the language the page is in.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.AlertText")]
public sealed record AlertText(
    [property: Id(0)] string Title,
    [property: Id(1)] string Detail,
    [property: Id(2)] string? Wording = null,
    [property: Id(3)] string? Context = null);

/// <summary>The languages alert texts come in besides English (the contact centres work in English and Chinese; docs/dashboard.md).</summary>
public static class AlertLanguages
{
    /// <summary>Simplified Chinese, as BCP 47 names it (and as the pages' language picker does).</summary>
    public const string Chinese = "zh-CN";

    public static ImmutableDictionary<string, AlertText> InChinese(AlertText text) =>
        ImmutableDictionary<string, AlertText>.Empty.Add(Chinese, text);
}
