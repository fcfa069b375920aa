using System.Text;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Ingestion;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>An entry, or part of one, that could not be ingested: kept in the dead-letter stream with why.</summary>
public sealed record DeadLetter(RedisValue EntryId, RedisValue Data, string Reason)
{
    /// <summary>An entry with no <c>data</c> field: its fields as written, kept as <c>field:NAME</c> so that a payload under another name can be fixed and replayed.</summary>
    public NameValueEntry[] Original { get; init; } = [];

    public NameValueEntry[] Fields(string consumer) =>
    [
        new(StreamEntries.DataField, Data.IsNull ? RedisValue.EmptyString : Data),
        new("reason", Reason),
        new("entry", EntryId),
        new("consumer", consumer),
        .. Original.Select(f => new NameValueEntry(OriginalPrefix + f.Name, f.Value)),
    ];

    public const string OriginalPrefix = "field:";

    public override string ToString() => $"{EntryId}: {Reason} ({(Data.IsNull ? "" : Encoding.UTF8.GetString((byte[])Data!))})";
}
