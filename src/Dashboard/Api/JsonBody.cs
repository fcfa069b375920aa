using System.Text.Json;
using CxLive.Serialization;

namespace CxLive.Api;

/// <summary>
/// A small JSON object body of an action (ack, snooze, silence, outcome...): read whole, then field
/// by field, each error "field: reason" so a problem names every bad field at once. An empty body
/// is an empty object.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonElement _root;

    private JsonBody(JsonElement root) => _root = root;

    public List<string> Errors { get; } = [];

    /// <summary>Action and rule bodies are a few hundred bytes; this is generous and still keeps a client from making the server buffer megabytes.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<(JsonBody? Body, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        var (bytes, problem) = await ReadBytesAsync(request);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (bytes!.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return (new JsonBody(JsonDocument.Parse("{}").RootElement), null);
        }

        var (document, unreadable) = Parse(bytes!);
        if (document is null)
        {
            return (null, unreadable);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (new JsonBody(document.RootElement.Clone()), null)
                : (null, Problems.BadRequest("Unreadable body", "the body must be a JSON object"));
        }
    }

    /// <summary>
    /// A small JSON body as a document, or the problem: too large (413), not UTF-8 (400: JsonDocument
    /// would otherwise accept invalid bytes in a property name and fail later, when it is read), not JSON.
    /// </summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadDocumentAsync(HttpRequest request)
    {
        var (bytes, problem) = await ReadBytesAsync(request);
        return problem is not null ? (null, problem) : Parse(bytes!);
    }

    private static async Task<(byte[]? Bytes, IResult? Problem)> ReadBytesAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.TooLarge($"this body may be at most {MaxBytes} bytes"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, Problems.TooLarge($"this body may be at most {MaxBytes} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return System.Text.Unicode.Utf8.IsValid(bytes)
            ? (bytes, null)
            : (null, Problems.BadRequest("Unreadable body", "the body is not valid UTF-8"));
    }

    private static (JsonDocument? Document, IResult? Problem) Parse(byte[] bytes)
    {
        try
        {
            return (JsonDocument.Parse(bytes), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("Unreadable body", $"the body is not valid JSON at {Ingestion.JsonErrors.Describe(e, bytes)}"));
        }
    }

    public string? Text(string name, bool required = false, int maxLength = 256)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Missing<string>(name, required);
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || text.Trim().Length == 0)
        {
            return Fail<string>(name, "must be a non-empty string");
        }

        return text.Length > maxLength ? Fail<string>(name, $"must be at most {maxLength} characters")
            : text.Any(char.IsControl) ? Fail<string>(name, "must not contain control characters")
            : text;
    }

    public DateTimeOffset? Time(string name, bool required = false)
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        return IsoTime.TryParse(text, out var at) ? at : Fail<DateTimeOffset?>(name, IsoTime.Expected);
    }

    public TEnum? Enum<TEnum>(string name, bool required = false) where TEnum : struct, System.Enum
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }

        return WireNames<TEnum>.TryParse(text, out var value) ? value : Fail<TEnum?>(name, $"must be one of {WireNames<TEnum>.Allowed}");
    }

    public IResult Invalid() => Problems.BadRequest(
        "Invalid request",
        string.Join("; ", Errors),
        new Dictionary<string, object?>
        {
            ["errors"] = Errors.GroupBy(e => e[..e.IndexOf(':')]).ToDictionary(g => g.Key, g => g.Select(e => e[(e.IndexOf(':') + 2)..]).ToArray()),
        });

    private T? Missing<T>(string name, bool required)
    {
        if (required)
        {
            Errors.Add($"{name}: is required");
        }

        return default;
    }

    private T? Fail<T>(string name, string reason)
    {
        Errors.Add($"{name}: {reason}");
        return default;
    }
}
