namespace CxLive.Dashboard.Text;

/// <summary>
/// The name a slip of the keys most likely meant: a misspelt setting ("Web__Enable"), an event type
/// no rule reads ("serach"). Off the hot path: called for what is unknown, at start, on a refusal,
/// or once per unknown type (<c>TypeSlips</c> keeps what it found).
/// </summary>
public static class Spelling
{
    /// <summary>The name a typo most likely meant: at most two edits away (or <paramref name="edits"/>), or the same letters in another order.</summary>
    public static string? Closest(string key, IEnumerable<string> names, int edits = 2) =>
        names
            .Select(name => (Name: name, Distance: Distance(key.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(c => c.Distance <= edits || (key.Length > 4 && SameLetters(key, c.Name)))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>
    /// The one name that starts with the same four letters as <paramref name="sent"/>: another form of
    /// the word ("failed" for failure, "succeeded" for success), too many edits away for <see cref="Closest"/>.
    /// Null when none does, or more than one.
    /// </summary>
    public static string? SameStem(string sent, IEnumerable<string> names)
    {
        if (sent.Length < 4)
        {
            return null;
        }

        var stem = sent[..4];
        var alike = names.Where(n => n.StartsWith(stem, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return alike.Count == 1 ? alike[0] : null;
    }

    /// <summary>
    /// The one name whose words (between hyphens) are <paramref name="sent"/>'s in other forms: each
    /// the same word but for an ending ("complaint-replied" for complaint-reply, three edits away;
    /// "push-opening" for push-opened). Only endings, not any shared start: "page-viewport" is a
    /// type of its own, not page-view. Null when none is, or more than one.
    /// </summary>
    public static string? OtherFormOf(string sent, IEnumerable<string> names)
    {
        var words = sent.Split('-').Select(Stem).ToArray();
        var alike = names.Where(n => n.Split('-').Select(Stem).SequenceEqual(words, StringComparer.OrdinalIgnoreCase)).Take(2).ToList();
        return alike.Count == 1 ? alike[0] : null;
    }

    private static readonly (string Ending, string Becomes)[] Endings = [("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")];

    /// <summary>A word without its inflection ("replied", "replies" and "reply" all "reply"; "opening" and "opened" "open").</summary>
    private static string Stem(string word)
    {
        foreach (var (ending, becomes) in Endings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^ending.Length] + becomes;
            }
        }

        return word;
    }

    private static bool SameLetters(string a, string b) =>
        a.ToLowerInvariant().Order().SequenceEqual(b.ToLowerInvariant().Order());

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
