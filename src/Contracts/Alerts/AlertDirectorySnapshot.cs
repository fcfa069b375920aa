using System.Collections.Immutable;

namespace CxLive.Alerts;

/// <summary>What every alert partition needs to know about the others: the silences in force and the open incident of each touchpoint.</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertDirectorySnapshot")]
public sealed record AlertDirectorySnapshot(
    [property: Id(0)] ImmutableArray<Silence> Silences,
    [property: Id(1)] ImmutableDictionary<string, string> OpenIncidentByTouchpoint)
{
    public static AlertDirectorySnapshot Empty { get; } = new([], ImmutableDictionary<string, string>.Empty);
}
