using System.Text.Json;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Ingestion;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// A small JSON body (an action, a silence, a rule's settings) read whole as a document, or the
/// problem: too large (413), sent as another Content-Type (415), not UTF-8 (400: JsonDocument would
/// otherwise accept invalid bytes in a property name and fail later, when it is read), not JSON (400,
/// saying where).
/// </summary>
public static class SmallJson
{
    /// <summary>Action and rule bodies are a few hundred bytes; this is generous and still keeps a client from making the server buffer megabytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <param name="emptyIsObject">An action's body may be left out: nothing, or only white space, reads as <c>{}</c>.</param>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, bool emptyIsObject = false)
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
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return (null, Problems.BadRequest("Unreadable body", "the body is not valid UTF-8"));
        }

        var empty = bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');
        if (!empty && !request.HasJsonContentType()) // application/json or a +json type, any charset
        {
            // A body in a form's or a text's clothes is not read as JSON: curl's -d alone sends a form type,
            // and a cross-site page may post text/plain without asking first (the sign-in cookie is SameSite=Strict too).
            return (null, Problems.UnsupportedMediaType($"Content-Type must be application/json (was {(string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType)}); with curl: -H 'content-type: application/json'"));
        }

        if (emptyIsObject && empty)
        {
            bytes = "{}"u8.ToArray();
        }

        try
        {
            return (JsonDocument.Parse(bytes), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("Unreadable body", $"the body is not valid JSON at {JsonErrors.Describe(e, bytes)}"));
        }
    }

}
