using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Client;

/// <summary>
/// One thing a customer did or had done to them, as CxLive's ingest contract has it (the same JSON
/// the server reads: camelCase, enums in kebab-case, nulls left out). <see cref="Id"/> may be left
/// out: the client then makes one, so a retried batch is still recognised as the same interactions.
/// </summary>
public sealed record CxInteraction
{
    /// <summary>Unique per interaction, at most 128 characters; a re-sent id is ignored by CxLive. Made by the client when null.</summary>
    public string? Id { get; init; }

    /// <summary>Who, at most 128 characters.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Event time (with its offset).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required CxChannel Channel { get; init; }

    /// <summary>Where, e.g. <c>web/search</c>; at most 128 characters.</summary>
    public required string Touchpoint { get; init; }

    /// <summary>What happened: see <see cref="CxTypes"/>; other types are kept but drive no detector.</summary>
    public required string Type { get; init; }

    public CxOutcome? Outcome { get; init; }

    public CxStage? Stage { get; init; }

    /// <summary>Links a complaint, its replies and follow-up contacts.</summary>
    public string? CaseId { get; init; }

    /// <summary>Results of a search, seconds of a queue wait, the answer of a survey.</summary>
    public double? Score { get; init; }

    /// <summary>At most 32 entries, keys and values 1-256 characters.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Who sent it. Over HTTP CxLive sets this to the API key's name; kept as written on the Redis stream.</summary>
    public string? Source { get; init; }
}
