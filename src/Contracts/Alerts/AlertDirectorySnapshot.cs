using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// What every alert partition needs to know about the others: the silences in force and the open
/// incident of each touchpoint, with the directory's version, so that a copy that arrives late
/// (a periodic refresh overtaken by a newer push) never replaces a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.AlertDirectorySnapshot")]
public sealed record AlertDirectorySnapshot(
    [property: Id(0)] ImmutableArray<Silence> Silences,
    [property: Id(1)] ImmutableDictionary<string, string> OpenIncidentByTouchpoint,
    [property: Id(2)] long Version = 0)
{
    public static AlertDirectorySnapshot Empty { get; } = new([], ImmutableDictionary<string, string>.Empty);
}
