namespace CxLive.Ingestion;

/// <summary>The time bounds an item's timestamp must fall within, fixed once per request.</summary>
public readonly record struct ItemRules(DateTimeOffset Earliest, DateTimeOffset Latest, TimeSpan MaxClockSkew, TimeSpan MaxEventAge)
{
    public static ItemRules At(DateTimeOffset now, IngestionOptions options) =>
        new(now - options.MaxEventAge, now + options.MaxClockSkew, options.MaxClockSkew, options.MaxEventAge);

    /// <summary>For recorded interactions: any age, but not from the future.</summary>
    public static ItemRules Recorded(DateTimeOffset now, IngestionOptions options) =>
        new(DateTimeOffset.MinValue, now + options.MaxClockSkew, options.MaxClockSkew, TimeSpan.MaxValue);
}
