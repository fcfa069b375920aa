using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>The languages alert texts come in besides English (the contact centres work in English and Chinese; docs/dashboard.md).</summary>
public static class AlertLanguages
{
    /// <summary>Simplified Chinese, as BCP 47 names it (and as the pages' language picker does).</summary>
    public const string Chinese = "zh-CN";

    public static ImmutableDictionary<string, AlertText> InChinese(AlertText text) =>
        ImmutableDictionary<string, AlertText>.Empty.Add(Chinese, text);
}
