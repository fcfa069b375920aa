using CxLive.Dashboard.Privacy;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// The time bounds an item's timestamp must fall within, fixed once per request, and, over HTTP,
/// the integrator every item is recorded as coming from (<see cref="ForIntegrator"/>): an item's own
/// <c>source</c> is believed only from the Redis stream, whose writers hold Redis credentials.
/// </summary>
public readonly record struct ItemRules(DateTimeOffset Earliest, DateTimeOffset Latest, TimeSpan MaxClockSkew, TimeSpan MaxEventAge)
{
    public bool OverrideSource { get; init; }

    /// <summary>Masking and pseudonyms applied to every item read (none unless configured).</summary>
    public PrivacyRules? Privacy { get; init; }

    public ItemRules WithPrivacy(PrivacyRules privacy) => this with { Privacy = privacy };

    public string? Source { get; init; }

    /// <summary>
    /// CxLive's own stream entries: a web front accepted them already (answered 202), so the checks of
    /// what a value may mean (a score's range, a type in other clothes) are not made again. Added to
    /// in a new version, they dead-lettered items an older front had accepted during a rolling upgrade.
    /// </summary>
    public bool AcceptedBefore { get; init; }

    /// <summary>The stream entry the items are read from (<see cref="Journeys.Interaction.StreamEntry"/>); 0 over HTTP.</summary>
    public uint StreamEntry { get; init; }

    /// <summary>Every item is from <paramref name="integrator"/> (null: keys are off), whatever it says.</summary>
    public ItemRules ForIntegrator(string? integrator) => this with { OverrideSource = true, Source = integrator };

    public static ItemRules At(DateTimeOffset now, IngestionOptions options) =>
        new(now - options.MaxEventAge, now + options.MaxClockSkew, options.MaxClockSkew, options.MaxEventAge);

    /// <summary>For recorded interactions: any age, but not from the future.</summary>
    public static ItemRules Recorded(DateTimeOffset now, IngestionOptions options) =>
        new(DateTimeOffset.MinValue, now + options.MaxClockSkew, options.MaxClockSkew, TimeSpan.MaxValue);
}
