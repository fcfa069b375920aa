using System.Text.Json;
using CxLive.Contracts.Text;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Reading identifiers and names: strings, within a length, printable (no control characters, no
/// bidirectional formatting: <see cref="BidiText"/>). Free text (an attribute's value: a complaint
/// typed into a form, a survey comment) may also break lines, and keeps its formatting characters.
/// </summary>
internal static class JsonText
{
    /// <summary>The string the reader stands on, or null with the reason added to errors.</summary>
    /// <param name="words">The customer's words on one line (a search query): bidirectional formatting kept, as in free text.</param>
    public static string? Read(ref Utf8JsonReader reader, string name, int maxLength, List<string> errors, bool freeText = false, bool words = false)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            errors.Add($"{name}: must be a string");
            reader.Skip();
            return null;
        }

        // A UTF-8 char is at most 4 bytes: reject what is surely too long before allocating it.
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length > maxLength * 4)
        {
            errors.Add($"{name}: must be at most {maxLength} characters");
            return null;
        }

        var text = TryGetString(ref reader);
        var reason = text switch
        {
            null => Unreadable(ref reader),
            { Length: 0 } => "must not be empty",
            _ when text.Length > maxLength => $"must be at most {maxLength} characters",
            _ when !freeText && HasControlCharacters(text) => "must not contain control characters",
            _ when freeText && HasControlCharactersBesidesLineBreaks(text) => "must not contain control characters other than tabs and line breaks",
            _ when !freeText && !words && BidiText.HasFormatting(text) => "must not contain bidirectional formatting characters (U+202A to U+202E, U+2066 to U+2069): they reorder the words shown after them",
            _ => null,
        };
        if (reason is null)
        {
            return text;
        }

        errors.Add($"{name}: {reason}");
        return null;
    }

    /// <summary>
    /// Why a string could not be read. Its bytes may be valid UTF-8 and a <c>\u</c> escape still stand
    /// for half a character (<c>"\ud83d"</c>, an emoji cut in two by the sender): the integrator trial
    /// was told "not valid UTF-8" of bytes that were, and looked in the wrong place.
    /// </summary>
    private static string Unreadable(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped && !reader.HasValueSequence && System.Text.Unicode.Utf8.IsValid(reader.ValueSpan)
            ? "has a \\u escape that is half of a character (a lone surrogate such as \\ud83d): send both halves (\\ud83d\\ude00) or the character itself"
            : "is not valid UTF-8";

    /// <summary>The string value, or null when its bytes are not valid UTF-8 or an escape is half a character.</summary>
    public static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static bool HasControlCharacters(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0000', '\u001f') >= 0 || text.IndexOfAnyInRange('\u007f', '\u009f') >= 0;

    /// <summary>Tabs, line feeds and carriage returns are how typed text breaks lines; the rest still corrupt logs and pages.</summary>
    public static bool HasControlCharactersBesidesLineBreaks(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0000', '\u0008') >= 0 || text.IndexOfAnyInRange('\u000b', '\u000c') >= 0
        || text.IndexOfAnyInRange('\u000e', '\u001f') >= 0 || text.IndexOfAnyInRange('\u007f', '\u009f') >= 0;

    /// <summary>Keeps error messages short when a client sends an enormous name.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : text[..61] + "...";
}
