using System.Globalization;

namespace CxLive.Contracts.Serialization;

/// <summary>
/// The one way CxLive reads a time from outside: ISO 8601 with an offset (<c>Z</c> or <c>±hh:mm</c>).
/// A local time with no offset is refused everywhere (interactions, alert actions, back-tests,
/// insights): it means a different moment on every server.
/// </summary>
public static class IsoTime
{
    /// <summary>What to tell a caller who sent something else, after the field's name.</summary>
    public const string Expected = "must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z";

    /// <summary>
    /// What to add when a time in a query string lost its offset's '+': a URL reads a bare '+' as a
    /// space, so <c>from=2026-12-04T00:00:00+08:00</c> arrives as "...00:00:00 08:00".
    /// </summary>
    public static string QueryHint(string? text) =>
        text is { Length: > 6 } && (text[^6] == ' ' || (text[^5] == ' ' && IsDigits(text.AsSpan()[^4..])))
            ? " (a '+' in a query string must be sent as %2B: a bare '+' reads as a space)"
            : "";

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        return text is not null && HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    /// <summary>
    /// RFC 3339 lets 'T' and 'Z' be lower case ("2026-12-05t05:31:13z"); System.Text.Json reads only
    /// upper case. Read as the upper-case form, through the same strict reader.
    /// </summary>
    public static bool TryParseLowerCase(string text, out DateTimeOffset at)
    {
        at = default;
        if (text.Length is < 20 or > 64 || !(text[10] == 't' || text[^1] == 'z'))
        {
            return false;
        }

        var upper = string.Concat(text[..10], text[10] == 't' ? "T" : text[10].ToString(), text[11..^1], text[^1] == 'z' ? "Z" : text[^1].ToString());
        var json = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(upper));
        var reader = new System.Text.Json.Utf8JsonReader(json);
        return reader.Read() && reader.TryGetDateTimeOffset(out at) && HasOffset(upper);
    }

    /// <summary>What is wrong with a timestamp that was not read, in the words to fix it (after "timestamp: ").</summary>
    public static string Problem(string? text, bool number = false)
    {
        if (text is null)
        {
            return number
                ? "must be a string (an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z); numbers such as epoch seconds are not read"
                : Expected;
        }

        // A date alone, and ISO 8601's basic format (no '-' nor ':'): an integrator trial got only the
        // generic words for both, where other near misses say what to change.
        if (text.Length == 10 && IsDigits(text.AsSpan(0, 4)) && text[4] == '-' && IsDigits(text.AsSpan(5, 2)) && text[7] == '-' && IsDigits(text.AsSpan(8, 2)))
        {
            return $"'{text}' is a date without a time: add the time and its offset, e.g. '{text}T00:00:00Z' ({Expected})";
        }

        if (text.Length is >= 15 and <= 24 && IsDigits(text.AsSpan(0, 8)) && text[8] is 'T' or 't' && IsDigits(text.AsSpan(9, 6)) && !text.Any(char.IsControl))
        {
            return $"'{text}' is in ISO 8601's basic format: write it with '-' and ':', e.g. '{text[..4]}-{text[4..6]}-{text[6..8]}T{text[9..11]}:{text[11..13]}:{text[13..15]}' and its offset ({Expected})";
        }

        // Quoted only while short and printable: it is the sender's own text, echoed back (and logged, for stream entries).
        if (text.Length is < 16 or > 40 || !IsDigits(text.AsSpan(0, 4)) || text[4] != '-' || text.Any(char.IsControl))
        {
            return Expected;
        }

        var timed = text[10] is 'T' or 't';
        var offset = timed ? OffsetOf(text) : null;
        return text switch
        {
            _ when text[10] == ' ' => $"'{text}' has a space between the date and the time: {Expected} ('T' between them)",
            // The range first: "+2400" was told to write "+24:00", then refused for it.
            _ when offset is { Hours: > 14 } or { Hours: 14, Minutes: > 0 } => $"'{text}': an offset is at most {offset.Value.Sign}14:00: {Expected}",
            _ when offset is { Minutes: > 59 } => $"'{text}': an offset's minutes run from 00 to 59: {Expected}",
            _ when timed && text[^5] is '+' or '-' && IsDigits(text.AsSpan()[^4..]) => $"'{text}': write the offset with a colon ('{text[^5..^2]}:{text[^2..]}'): {Expected}",
            _ when timed && text[^3] is '+' or '-' && IsDigits(text.AsSpan()[^2..]) => $"'{text}': write the offset in hours and minutes ('{text[^3..]}:00'): {Expected}",
            _ when timed && !HasOffset(text) => $"'{text}' has no offset: add 'Z' for UTC or the local offset, e.g. +08:00 ({Expected})",
            _ => Expected,
        };
    }

    /// <summary>The numbers of an offset written <c>±hh:mm</c> or <c>±hhmm</c> at the end of the text, if it ends in one.</summary>
    private static (char Sign, int Hours, int Minutes)? OffsetOf(string text)
    {
        var at = text[^6] is '+' or '-' && text[^3] == ':' ? text.Length - 6 : text[^5] is '+' or '-' ? text.Length - 5 : -1;
        var digits = at < 0 ? "" : text[(at + 1)..].Replace(":", "", StringComparison.Ordinal);
        return digits.Length == 4 && IsDigits(digits)
            ? (text[at], int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture), int.Parse(digits.AsSpan(2), CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Whether the text ends in an offset: <c>Z</c>, <c>±hh:mm</c> or <c>±hhmm</c>.</summary>
    public static bool HasOffset(ReadOnlySpan<char> text) =>
        text.Length > 6 && (text[^1] is 'Z' or 'z'
            || (text[^6] is '+' or '-' && text[^3] == ':' && IsDigits(text[^5..^3]) && IsDigits(text[^2..]))
            || (text[^5] is '+' or '-' && IsDigits(text[^4..])));

    /// <summary>The same test on UTF-8 bytes, for the ingest parser, which never makes a string of a timestamp.</summary>
    public static bool HasOffset(ReadOnlySpan<byte> text)
    {
        Span<char> chars = stackalloc char[8];
        var tail = text.Length > chars.Length ? text[^chars.Length..] : text;
        for (var i = 0; i < tail.Length; i++)
        {
            chars[i] = (char)tail[i];
        }

        return text.Length > 6 && HasOffset(chars[..tail.Length]);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
