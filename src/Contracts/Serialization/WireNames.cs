using System.Collections.Frozen;

namespace CxLive.Serialization;

/// <summary>
/// An enum's names as the wire spells them (the same kebab-case as <see cref="CxJson"/>), for
/// parsers and query strings that read enums without the JSON serializer.
/// </summary>
public static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => CxJson.EnumNaming.ConvertName(v.ToString()), StringComparer.Ordinal);

    /// <summary>"web, app, call-center, ...": for error messages that say what is allowed.</summary>
    public static readonly string Allowed = string.Join(", ", ByName.Keys.OrderBy(k => Convert.ToInt32(ByName[k])));

    private static readonly FrozenDictionary<string, TEnum>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse(string? name, out TEnum value) =>
        ByName.TryGetValue(name ?? "", out value);

    /// <summary>The same without a string: the ingest parser reads a channel, outcome and stage per interaction.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out TEnum value) =>
        BySpan.TryGetValue(name, out value);

    public static string Of(TEnum value) => CxJson.EnumNaming.ConvertName(value.ToString());
}
