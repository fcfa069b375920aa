namespace CxLive.Ingestion;

/// <summary>The time bounds an item's timestamp must fall within, fixed once per request.</summary>
public readonly record struct ItemRules(DateTimeOffset Earliest, DateTimeOffset Latest, TimeSpan MaxClockSkew, TimeSpan MaxEventAge)
{
    public static ItemRules At(DateTimeOffset now, IngestionOptions options) =>
        new(now - options.MaxEventAge, now + options.MaxClockSkew, options.MaxClockSkew, options.MaxEventAge);
}
