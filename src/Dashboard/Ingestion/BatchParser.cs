using System.Text.Json;
using CxLive.Contracts.Journeys;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Reads a request body — one JSON object, a JSON array of objects, or NDJSON — item by item.
/// A bad item is rejected with its reasons and the others are kept. A body that is not JSON at
/// all (or not one of those shapes) is unreadable as a whole; more items than allowed is too large.
/// </summary>
public static class BatchParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>After an error at something following a whole object: most likely NDJSON sent as application/json.</summary>
    private const string NdjsonHint = ". Several objects one after another are NDJSON: send them with Content-Type application/x-ndjson, or inside a JSON array";

    /// <param name="severalObjectsHint">What to add when objects follow one another: HTTP's advice (a content type) by default.</param>
    public static ParsedBatch ParseJson(ReadOnlySpan<byte> body, ItemRules rules, int maxItems, string severalObjectsHint = NdjsonHint)
    {
        body = WithoutByteOrderMark(body);
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new UnreadableBodyException("the body is empty");
        }

        var batch = new ParsedBatch();
        var reader = new Utf8JsonReader(body, ReaderOptions);
        var oneObjectRead = false;
        try
        {
            reader.Read();

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (WrapperOfItems(reader) is { } wrapper)
                    {
                        throw new UnreadableBodyException($"the body is an object holding an array under '{wrapper}': send the array itself ([{{...}}, {{...}}]), or one interaction as an object");
                    }

                    ReadItem(ref reader, 0, rules, batch);
                    oneObjectRead = true;
                    break;
                case JsonTokenType.StartArray:
                    var index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        CheckCount(index, maxItems);
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            ReadItem(ref reader, index, rules, batch);
                        }
                        else
                        {
                            batch.Rejected.Add(new RejectedItem(index, null, ["item: must be a JSON object"]));
                            reader.Skip();
                        }

                        index++;
                    }

                    break;
                default:
                    throw new UnreadableBodyException("the body must be a JSON object, a JSON array of objects, or NDJSON (application/x-ndjson)");
            }

            reader.Read(); // throws if anything but white space follows the value
        }
        catch (JsonException e)
        {
            // Something after a whole object: most likely NDJSON sent as application/json.
            var hint = oneObjectRead ? severalObjectsHint : "";
            throw new UnreadableBodyException($"the body is not valid JSON at {JsonErrors.Describe(e, body)}{hint}");
        }

        return batch;
    }

    /// <summary>
    /// A UTF-8 byte order mark is skipped: some writers (PowerShell, .NET's UTF8Encoding(true)) put
    /// one first, and JSON readers may ignore it (RFC 8259, section 8.1).
    /// </summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> body) =>
        body.StartsWith("\uFEFF"u8) ? body[3..] : body;

    /// <summary>
    /// One object per line; blank lines are skipped; a broken line is one rejected item, with its
    /// <see cref="RejectedItem.Line"/> counted from 1 (and, as before, index = line counted from 0).
    /// </summary>
    public static ParsedBatch ParseNdjson(ReadOnlySpan<byte> body, ItemRules rules, int maxItems)
    {
        body = WithoutByteOrderMark(body);
        var batch = new ParsedBatch();
        var line = 0;
        foreach (var range in body.Split((byte)'\n'))
        {
            if (!body[range].Trim(" \t\r"u8).IsEmpty)
            {
                CheckCount(batch.ItemCount, maxItems);
                ReadLine(body[range], line, rules, batch); // untrimmed: columns in errors are the sender's
            }

            line++;
        }

        return batch;
    }

    private static void ReadLine(ReadOnlySpan<byte> text, int line, ItemRules rules, ParsedBatch batch)
    {
        var reader = new Utf8JsonReader(text, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                batch.Rejected.Add(new RejectedItem(line, null, ["item: must be a JSON object"]) { Line = line + 1 });
                return;
            }

            var interaction = InteractionReader.Read(ref reader, rules, batch.Errors, out var id, out var warning);
            reader.Read(); // throws if the line holds more than one value; nothing is kept then
            Keep(batch, line, interaction, id, warning, line + 1);
        }
        catch (JsonException e)
        {
            batch.Errors.Clear();
            batch.Rejected.Add(new RejectedItem(line, null, [$"item: not valid JSON at {JsonErrors.Describe(e, text, line + 1)}"]) { Line = line + 1 });
        }
    }

    /// <summary>
    /// The name of the array an object body wraps the items in (<c>{"interactions": [...]}</c>, the
    /// shape many APIs and a back-test take), when it holds no field of an interaction: read as one
    /// interaction, it was refused for six missing fields, which pointed at the wrong mistake. A copy
    /// of the reader looks ahead; the caller's stays where it was.
    /// </summary>
    private static string? WrapperOfItems(Utf8JsonReader ahead)
    {
        string? wrapper = null;
        while (ahead.Read() && ahead.TokenType == JsonTokenType.PropertyName)
        {
            if (InteractionReader.FieldOf(ref ahead) != InteractionFields.Unknown)
            {
                return null;
            }

            var name = ahead.GetString();
            ahead.Read();
            if (ahead.TokenType == JsonTokenType.StartArray)
            {
                wrapper ??= name;
            }

            ahead.Skip();
        }

        return wrapper;
    }

    private static void ReadItem(ref Utf8JsonReader reader, int index, in ItemRules rules, ParsedBatch batch)
    {
        var interaction = InteractionReader.Read(ref reader, rules, batch.Errors, out var id, out var warning);
        Keep(batch, index, interaction, id, warning);
    }

    /// <summary>Keeps the item (with its warning, if any), or rejects it with the reasons gathered in the batch's shared error list.</summary>
    private static void Keep(ParsedBatch batch, int index, Interaction? interaction, string? id, string? warning, int? line = null)
    {
        if (interaction is not null)
        {
            batch.Valid.Add(interaction);
            if (warning is not null)
            {
                batch.Warn(new ItemWarning(index, interaction.Id, warning) { Line = line });
            }
        }
        else
        {
            batch.Rejected.Add(new RejectedItem(index, id, [.. batch.Errors]) { Line = line });
            batch.Errors.Clear();
        }
    }

    private static void CheckCount(int itemsSoFar, int maxItems)
    {
        if (itemsSoFar >= maxItems)
        {
            throw new BatchTooLargeException($"a request may hold at most {maxItems} interactions (Ingestion:MaxItemsPerRequest)");
        }
    }
}
