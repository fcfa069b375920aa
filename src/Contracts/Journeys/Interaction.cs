using System.Text.Json.Serialization;

namespace CxLive.Contracts.Journeys;

/// <summary>
/// One thing a customer did or had done to them, as an integrator sent it (docs/api.md, "the ingest
/// contract"). Validated before it reaches a grain, so grains trust every field.
/// </summary>
/// <remarks>
/// Serialization is the Orleans binary serializer: stable <c>[Id]</c>s and an <c>[Alias]</c>, so
/// state stays readable across renames when it is stored in Redis. Never renumber an Id.
/// </remarks>
[GenerateSerializer, Immutable, Alias("cx.Interaction")]
public sealed record Interaction
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public required DateTimeOffset Timestamp { get; init; }
    [Id(3)] public required Channel Channel { get; init; }
    [Id(4)] public required string Touchpoint { get; init; }
    [Id(5)] public required string Type { get; init; }
    [Id(6)] public Outcome Outcome { get; init; } = Outcome.Success;
    [Id(7)] public JourneyStage? Stage { get; init; }
    [Id(8)] public string? CaseId { get; init; }
    [Id(9)] public double? Score { get; init; }

    /// <summary>At most 32 entries; never mutated after validation.</summary>
    [Id(10)] public Dictionary<string, string>? Attributes { get; init; }

    /// <summary>
    /// The integrator that sent it: the name of its API key over HTTP (what the body says is
    /// ignored there), as written by whoever appended it to the Redis stream; null when keys are off.
    /// </summary>
    [Id(11)] public string? Source { get; init; }

    /// <summary>
    /// Which Redis stream entry it was read from, as a hash of the entry's id; 0 when it did not
    /// come from the stream. Not part of the ingest contract: it lets a customer tell a delivery
    /// again of the entry it took an id from (after a silo died, or a read whose answer was lost)
    /// from another entry with the same id (a re-send), which its touchpoint already counted.
    /// </summary>
    [Id(12), JsonIgnore] public uint StreamEntry { get; init; }

    /// <summary>Failure or abandoned.</summary>
    [JsonIgnore]
    public bool Failed => Outcome != Outcome.Success;

    public string? Attribute(string name) =>
        Attributes is not null && Attributes.TryGetValue(name, out var value) ? value : null;
}
