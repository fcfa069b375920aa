using System.Collections.Frozen;

namespace CxLive.Contracts.Journeys;

/// <summary>
/// Names of the contract (interaction types, attribute keys) by their plain form: lowercase,
/// without separators. A name sent in other clothes ("Search", "PageView", "queue_wait", "Query",
/// "order_id") is one of them written another way, and <see cref="NearMiss"/> names the one meant.
/// </summary>
public sealed class PlainNames
{
    private const int Longest = 64;

    private readonly FrozenSet<string> _exact;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byPlain;

    public PlainNames(IEnumerable<string> names)
    {
        string[] all = [.. names];
        _exact = all.ToFrozenSet(StringComparer.Ordinal);
        _byPlain = all.ToFrozenDictionary(n => string.Concat(n.Where(c => !IsSeparator(c))).ToLowerInvariant(), n => n, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The name <paramref name="sent"/> is written another way from; null for one of them as written,
    /// or a name of the sender's own. Names of the sender's own go by on every item: the plain form
    /// is made on the stack, not allocated.
    /// </summary>
    public string? NearMiss(string sent)
    {
        if (_exact.Contains(sent) || sent.Length > Longest)
        {
            return null; // every item asks: a set, not a walk over the list
        }

        Span<char> plain = stackalloc char[Longest];
        var length = 0;
        foreach (var c in sent)
        {
            if (!IsSeparator(c))
            {
                plain[length++] = char.ToLowerInvariant(c);
            }
        }

        return _byPlain.TryGetValue(plain[..length], out var meant) ? meant : null;
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or ' ' or '.';
}
