namespace CxLive.Contracts.Text;

/// <summary>
/// Unicode's bidirectional formatting characters (embeddings, overrides and isolates: U+202A–U+202E,
/// U+2066–U+2069) in text from outside. Invisible, they reorder what is shown after them: a security
/// trial's customer id "bidi‮gnp.exe" read "bidiexe.png", and a query ending in U+202E turned the
/// sentence around it into "0 — 'live results". Ingest refuses them in ids and names; customers'
/// own words (a search query among them) keep them, and a sentence that quotes such words isolates them.
/// </summary>
public static class BidiText
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    private static readonly System.Buffers.SearchValues<char> Formatting = System.Buffers.SearchValues.Create("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");

    public static bool HasFormatting(ReadOnlySpan<char> text) => text.ContainsAny(Formatting);

    /// <summary>
    /// The text as a sentence may hold it: unchanged when it has no formatting characters (nearly all
    /// text), else without them, between an isolate and its end, so nothing in it reaches the words
    /// around it and it still reads in its own direction.
    /// </summary>
    public static string Isolated(string text)
    {
        if (!HasFormatting(text))
        {
            return text;
        }

        var kept = string.Concat(text.Where(c => !Formatting.Contains(c)));
        return FirstStrongIsolate + kept + PopDirectionalIsolate;
    }
}
