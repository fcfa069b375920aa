using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Contracts.Serialization;

/// <summary>
/// The wire conventions of every CxLive API (HTTP, SignalR, NDJSON files): camelCase properties,
/// enums as kebab-case strings (<c>call-center</c>, <c>field-service</c>), nulls left out.
/// </summary>
public static class CxJson
{
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.KebabCaseLower;

    public static readonly JsonSerializerOptions Options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        return options;
    }
}
