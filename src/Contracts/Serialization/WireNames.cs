using System.Collections.Frozen;

namespace CxLive.Contracts.Serialization;

/// <summary>
/// An enum's names as the wire spells them (the same kebab-case as <see cref="CxJson"/>), for
/// parsers and query strings that read enums without the JSON serializer. Reading ignores case and
/// also takes the name configuration files use (<c>Warning</c>, <c>CallCenter</c>), so a value
/// copied from one place is accepted in the other; writing is always the kebab-case name.
/// </summary>
public static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    private static readonly FrozenDictionary<string, TEnum> ByName = Values
        .Select(v => KeyValuePair.Create(CxJson.EnumNaming.ConvertName(v.ToString()), v))
        .Concat(Values.Select(v => KeyValuePair.Create(v.ToString(), v)))
        .DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name as the wire spells it: web, app, call-center, ...</summary>
    public static readonly IReadOnlyList<string> Names = [.. Values.Select(Of)];

    /// <summary>"web, app, call-center, ...": for error messages that say what is allowed.</summary>
    public static readonly string Allowed = string.Join(", ", Names);

    private static readonly FrozenDictionary<string, TEnum>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse(string? name, out TEnum value) =>
        ByName.TryGetValue(name ?? "", out value);

    /// <summary>The same without a string: the ingest parser reads a channel, outcome and stage per interaction.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out TEnum value) =>
        BySpan.TryGetValue(name, out value);

    public static string Of(TEnum value) => CxJson.EnumNaming.ConvertName(value.ToString());
}
