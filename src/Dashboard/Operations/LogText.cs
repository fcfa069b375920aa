using System.Globalization;
using System.Text;

namespace CxLive.Dashboard.Operations;

/// <summary>
/// Text from outside made safe for one log line: control characters (C0, DEL, C1) and the Unicode
/// line and paragraph separators are written as <c>\uXXXX</c>, so a request cannot end a log line,
/// forge the next one or send terminal escapes to whoever reads the plain console format.
/// </summary>
public static class LogText
{
    public static string? Safe(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAny(Unsafe))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unsafe.Contains(c))
            {
                safe.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7f, 0x21).Select(i => (char)i), '\u2028', '\u2029']);
}
