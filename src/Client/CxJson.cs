using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Client;

/// <summary>CxLive's wire conventions: camelCase, kebab-case enums, nulls left out.</summary>
public static class CxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
