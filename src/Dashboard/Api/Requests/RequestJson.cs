using System.Text.Json;
using System.Text.Json.Serialization;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// How request bodies are bound: the wire conventions (<see cref="CxJson"/>) plus converters that
/// refuse a wrong value with the reason CxLive gives everywhere: times through <see cref="IsoTime"/>
/// (an offset is required), enums by their wire names (listing them), text only from strings,
/// true or false only from JSON's literals.
/// </summary>
public static class RequestJson
{
    public static readonly JsonSerializerOptions Options = Build();

    private static JsonSerializerOptions Build()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new TextConverter());
        options.Converters.Add(new TimeConverter());
        options.Converters.Add(new BooleanConverter());
        options.Converters.Add(new WireEnumConverterFactory());
        return CxJson.Apply(options); // its enum converter comes after ours, so ours reads
    }

    private sealed class TextConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new FieldReason("must be a non-empty string");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class TimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && IsoTime.TryParse(reader.GetString(), out var at) ? at : throw new FieldReason(IsoTime.Expected);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class BooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() : throw new FieldReason("must be true or false");

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    private sealed class WireEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && WireNames<TEnum>.TryParse(reader.GetString(), out var value)
                ? value
                : throw new FieldReason($"must be one of {WireNames<TEnum>.Allowed}");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(WireNames<TEnum>.Of(value));
    }
}
