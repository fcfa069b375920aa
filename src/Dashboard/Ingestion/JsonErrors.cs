using System.Text;
using System.Text.Json;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Says where JSON text broke and what is wrong there, in the sender's words: the line and column
/// (both counted from 1, columns in characters) and what was found, never the reader's own advice
/// ("Change the reader options", "LineNumber: 0 | BytePositionInLine: 7").
/// </summary>
public static class JsonErrors
{
    /// <summary>
    /// "line 2, column 14: ..." for an error the reader raised in <paramref name="text"/>;
    /// <paramref name="line"/> is the number of the text's first line (NDJSON passes the line it read).
    /// </summary>
    public static string Describe(JsonException error, ReadOnlySpan<byte> text, int line = 1)
    {
        var lineIndex = (int)Math.Max(0, error.LineNumber ?? 0);
        var lineStart = 0;
        for (var i = 0; i < lineIndex && lineStart < text.Length; i++)
        {
            var next = text[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? text.Length : lineStart + next + 1;
        }

        var offset = (int)Math.Min(text.Length, lineStart + Math.Max(0, error.BytePositionInLine ?? 0));
        var (what, at) = WhatIsWrong(error, text, offset);
        return $"line {line + lineIndex}, column {CharacterCount(text[lineStart..Math.Max(lineStart, at)]) + 1}: {what}";
    }

    private static (string What, int At) WhatIsWrong(JsonException error, ReadOnlySpan<byte> text, int offset)
    {
        if (error.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            return ("nested more than 64 levels deep", offset);
        }

        if (text[offset..].Trim(" \t\r\n"u8).IsEmpty)
        {
            return ("the JSON ends before it is complete (a closing quote, ']' or '}' is missing)", offset);
        }

        // The reader stops inside an unquoted word ("nul", "tru", "red"): start from the word.
        var start = offset;
        while (start > 0 && text[offset] >= 0x20 && IsLetter(text[start - 1]))
        {
            start--;
        }

        var rest = text[start..];
        var found = rest[0];
        var before = text[..start].TrimEnd(" \t\r\n"u8);
        var valueExpected = before.IsEmpty || before.EndsWith(","u8) || before.EndsWith("["u8) || before.EndsWith(":"u8);
        var what = found switch
        {
            (byte)']' or (byte)'}' when before.EndsWith(","u8) => $"a comma before '{(char)found}' is not allowed (remove the last comma)",
            (byte)'/' => "comments are not allowed in JSON",
            (byte)'\'' => "strings need double quotes (\"), not single quotes",
            < 0x20 => $"a control character (U+{found:X4}) must be written escaped inside a string (e.g. \\n)",
            _ when before.EndsWith("{"u8) => $"a property name in double quotes was expected but found {Excerpt(rest)}",
            _ when valueExpected && IsLetter(found) => $"{Excerpt(rest, word: true)} is not a JSON value (text needs double quotes; the literals are true, false and null)",
            _ when valueExpected => $"a value was expected but found {Excerpt(rest)}",
            _ => $"unexpected {Excerpt(rest)}",
        };
        return (what, start);
    }

    private static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    /// <summary>Up to 20 characters from where it broke, quoted: what the sender can search for.</summary>
    private static string Excerpt(ReadOnlySpan<byte> rest, bool word = false)
    {
        var end = word ? rest.IndexOfAnyExcept(Letters) : rest.IndexOfAny((byte)'\n', (byte)'\r');
        var piece = Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
        return "'" + (piece.Length <= 20 ? piece : piece[..20] + "...") + "'";
    }

    private static readonly System.Buffers.SearchValues<byte> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"u8);

    /// <summary>Characters, not bytes: a column a person counts in an editor.</summary>
    private static int CharacterCount(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }
}
