using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

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
