using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;

namespace CxLive.Grains.Customers;

/// <summary>
/// One interaction of a customer's timeline as one small byte array: UTF-8 text, enums as bytes, no
/// customer id (the grain's key says it). A timeline entry is read only when someone looks at the
/// customer, while a customer keeps 50 of them for as long as it is active, so this trades a decode
/// on the rare read for memory on every customer: about 90 bytes an entry instead of 350 for an
/// <see cref="Interaction"/> and its strings (docs/benchmark-log.md, "Memory per customer").
/// </summary>
/// <remarks>
/// Layout: version (1), UTC ticks (8, little-endian, at offset 1 so ordering reads them without a
/// decode), offset minutes (2), channel, outcome, stage (255: none), flags (score, case id,
/// attributes, source, known type); then id, touchpoint, type (one byte when the catalogue knows
/// it); then the optional parts in flag order. Strings are a 7-bit-encoded length and UTF-8. Stored
/// as is in the customer's state: a new layout gets a new version byte, and <see cref="Decode"/>
/// keeps reading the old ones.
/// </remarks>
public static class TimelineEntry
{
    private const byte Version = 1;
    private const byte NoStage = byte.MaxValue;
    private const byte HasScore = 1, HasCaseId = 2, HasAttributes = 4, HasSource = 8, KnownType = 16;

    /// <summary>The catalogue's interaction types, stored as their index in <see cref="InteractionTypes.All"/> (one byte instead of the name).</summary>
    private static readonly IReadOnlyList<string> TypeCodes = InteractionTypes.All;

    private static readonly Dictionary<string, byte> TypeCodeOf =
        TypeCodes.Select((type, code) => (type, code)).ToDictionary(t => t.type, t => (byte)t.code, StringComparer.Ordinal);

    /// <summary>The interaction's instant as UTC ticks, the timeline's order.</summary>
    public static long UtcTicks(byte[] entry) => BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(1));

    /// <param name="reuse">
    /// The entry this one replaces (the oldest of a full timeline), written over when it is large
    /// enough: a full timeline then takes interactions without a new long-lived allocation each,
    /// which is what the GC's pauses grow with (docs/benchmark-log.md, "Detection latency"). Bytes
    /// past the end of an entry are never read.
    /// </param>
    public static byte[] Encode(Interaction interaction, byte[]? reuse = null)
    {
        var attributes = interaction.Attributes is { Count: > 0 } a ? a : null;
        var typeCode = TypeCodeOf.TryGetValue(interaction.Type, out var code) ? code : (byte?)null;
        var flags = (byte)((interaction.Score is null ? 0 : HasScore)
            | (typeCode is null ? 0 : KnownType)
            | (interaction.CaseId is null ? 0 : HasCaseId)
            | (attributes is null ? 0 : HasAttributes)
            | (interaction.Source is null ? 0 : HasSource));

        var size = 15 + Size(interaction.Id) + Size(interaction.Touchpoint) + (typeCode is null ? Size(interaction.Type) : 1)
            + (interaction.Score is null ? 0 : 8) + Size(interaction.CaseId) + Size(interaction.Source);
        if (attributes is not null)
        {
            size += 5;
            foreach (var (name, value) in attributes)
            {
                size += Size(name) + Size(value);
            }
        }

        var target = reuse is not null && reuse.Length >= size ? reuse : null;
        var rented = target is null ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            var span = (target ?? rented!).AsSpan();
            span[0] = Version;
            BinaryPrimitives.WriteInt64LittleEndian(span[1..], interaction.Timestamp.UtcTicks);
            BinaryPrimitives.WriteInt16LittleEndian(span[9..], (short)interaction.Timestamp.TotalOffsetMinutes);
            span[11] = (byte)interaction.Channel;
            span[12] = (byte)interaction.Outcome;
            span[13] = interaction.Stage is { } stage ? (byte)stage : NoStage;
            span[14] = flags;
            var at = 15;
            Write(span, ref at, interaction.Id);
            Write(span, ref at, interaction.Touchpoint);
            if (typeCode is { } known)
            {
                span[at++] = known;
            }
            else
            {
                Write(span, ref at, interaction.Type);
            }

            if (interaction.Score is { } score)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span[at..], score);
                at += 8;
            }

            if (interaction.CaseId is { } caseId)
            {
                Write(span, ref at, caseId);
            }

            if (attributes is not null)
            {
                WriteLength(span, ref at, attributes.Count);
                foreach (var (name, value) in attributes)
                {
                    Write(span, ref at, name);
                    Write(span, ref at, value);
                }
            }

            if (interaction.Source is { } source)
            {
                Write(span, ref at, source);
            }

            if (target is not null)
            {
                return target;
            }

            // Rounded up to 8 bytes, so that the next entry of about the same size fits in this one.
            var entry = new byte[(at + 7) & ~7];
            span[..at].CopyTo(entry);
            return entry;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static Interaction Decode(byte[] entry, string customerId)
    {
        if (entry[0] != Version)
        {
            throw new InvalidDataException($"Timeline entry version {entry[0]} is newer than this build reads ({Version}).");
        }

        ReadOnlySpan<byte> span = entry;
        var flags = span[14];
        var at = 15;
        var id = Read(span, ref at);
        var touchpoint = Read(span, ref at);
        var type = (flags & KnownType) != 0 ? TypeCodes[span[at++]] : Read(span, ref at);
        double? score = null;
        if ((flags & HasScore) != 0)
        {
            score = BinaryPrimitives.ReadDoubleLittleEndian(span[at..]);
            at += 8;
        }

        var caseId = (flags & HasCaseId) != 0 ? Read(span, ref at) : null;
        Dictionary<string, string>? attributes = null;
        if ((flags & HasAttributes) != 0)
        {
            var count = ReadLength(span, ref at);
            attributes = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = Read(span, ref at);
                attributes[name] = Read(span, ref at);
            }
        }

        var source = (flags & HasSource) != 0 ? Read(span, ref at) : null;
        var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(span[9..]));
        return new Interaction
        {
            Id = id,
            CustomerId = customerId,
            Timestamp = new DateTimeOffset(UtcTicks(entry) + offset.Ticks, offset),
            Channel = (Channel)span[11],
            Outcome = (Outcome)span[12],
            Stage = span[13] == NoStage ? null : (JourneyStage)span[13],
            Type = type,
            Touchpoint = touchpoint,
            Score = score,
            CaseId = caseId,
            Attributes = attributes,
            Source = source,
        };
    }

    private static int Size(string? text) => text is null ? 0 : 5 + Encoding.UTF8.GetByteCount(text);

    private static void Write(Span<byte> span, ref int at, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteLength(span, ref at, length);
        at += Encoding.UTF8.GetBytes(text, span[at..]);
    }

    private static string Read(ReadOnlySpan<byte> span, ref int at)
    {
        var length = ReadLength(span, ref at);
        var text = Encoding.UTF8.GetString(span.Slice(at, length));
        at += length;
        return text;
    }

    private static void WriteLength(Span<byte> span, ref int at, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            span[at++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[at++] = (byte)v;
    }

    private static int ReadLength(ReadOnlySpan<byte> span, ref int at)
    {
        var value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = span[at++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return value;
    }

    /// <summary>A timeline's entries in one array: a count, then each entry's length and bytes.</summary>
    public static byte[] Pack(List<byte[]> entries)
    {
        var size = LengthSize(entries.Count);
        foreach (var entry in entries)
        {
            size += LengthSize(entry.Length) + entry.Length;
        }

        var packed = new byte[size]; // exact: a state write allocates this once, not a copy of it
        var span = packed.AsSpan();
        var at = 0;
        WriteLength(span, ref at, entries.Count);
        foreach (var entry in entries)
        {
            WriteLength(span, ref at, entry.Length);
            entry.CopyTo(span[at..]);
            at += entry.Length;
        }

        return packed;
    }

    private static int LengthSize(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;

    public static List<byte[]> Unpack(byte[]? packed)
    {
        if (packed is not { Length: > 0 })
        {
            return [];
        }

        ReadOnlySpan<byte> span = packed;
        var at = 0;
        var count = ReadLength(span, ref at);
        var entries = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var length = ReadLength(span, ref at);
            entries.Add(span.Slice(at, length).ToArray());
            at += length;
        }

        return entries;
    }
}
