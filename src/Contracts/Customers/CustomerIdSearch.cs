namespace CxLive.Contracts.Customers;

/// <summary>
/// How "Find a customer" matches what a person typed against customer ids: case-insensitively, and
/// anywhere in the id, so "4711" finds "cust-004711"; an id that starts with the text ranks before
/// one that only contains it. Shared by the customer index shards and the API that merges them.
/// </summary>
public static class CustomerIdSearch
{
    /// <summary>Ids in case-insensitive order (ordinal as a tie-break, so ids differing only in case stay apart): ids that start with the same text, in any case, sit together.</summary>
    public static readonly IComparer<string> Order = Comparer<string>.Create((a, b) =>
        string.Compare(a, b, StringComparison.OrdinalIgnoreCase) is var c and not 0 ? c : string.CompareOrdinal(a, b));

    /// <summary>0 when <paramref name="id"/> starts with <paramref name="query"/>, 1 when it contains it further on, null when not at all.</summary>
    public static int? Rank(string id, string query) =>
        id.IndexOf(query, StringComparison.OrdinalIgnoreCase) switch { < 0 => null, 0 => 0, _ => 1 };
}
