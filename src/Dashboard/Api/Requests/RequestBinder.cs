using System.Text.Json;
using System.Text.Json.Nodes;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// Binds a JSON object to a request record with <see cref="RequestJson.Options"/>. A field of the
/// wrong type stops the serializer: it is named in the errors, left out, and the object bound again,
/// so every bad field is named at once (a body has a handful of fields).
/// </summary>
public static class RequestBinder
{
    /// <param name="prefix">Put before each field name, for an object inside a larger body (<c>rules.detractor.</c>).</param>
    public static T? Bind<T>(JsonElement element, FieldErrors errors, string prefix = "") where T : class
    {
        var fields = JsonObject.Create(element)!;
        while (true)
        {
            try
            {
                return fields.Deserialize<T>(RequestJson.Options);
            }
            catch (JsonException e)
            {
                errors.Add(prefix + FieldOf(e.Path), e is FieldReason ? e.Message : "has the wrong type");
                if (TopLevelName(e.Path) is not { } name || !fields.Remove(name))
                {
                    return null;
                }
            }
        }
    }

    /// <summary>The object's own property a path starts with: "$.parameters.window" → "parameters".</summary>
    private static string? TopLevelName(string? path) =>
        path is not null && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('.', '[')[0] : null;

    /// <summary>"$.until" → "until"; "body" when the path names no field.</summary>
    private static string FieldOf(string? path) =>
        path is null || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
