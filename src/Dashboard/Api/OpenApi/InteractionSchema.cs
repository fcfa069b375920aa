using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Ingestion;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// The ingest contract in the OpenAPI document: the limits the parser (<see cref="InteractionReader"/>)
/// enforces, taken from its own constants, with descriptions and an example it accepts.
/// </summary>
public static class InteractionSchema
{
    /// <summary>No control characters (C0, DEL, C1): what the parser calls printable text.</summary>
    public const string Printable = "^[^\\u0000-\\u001F\\u007F-\\u009F]+$";

    /// <summary>An attribute's value is free text: printable, and it may break lines (tab, line feed, carriage return).</summary>
    public const string FreeText = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]+$";

    /// <summary>
    /// An item the parser accepts as served: its time a minute before the document is made. A fixed
    /// date aged out of Ingestion:MaxEventAge (30 days), and "try it" in /scalar was then refused.
    /// </summary>
    public static JsonObject Example => new()
    {
        ["id"] = "q-1",
        ["customerId"] = "alice",
        ["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:00'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["channel"] = "web",
        ["touchpoint"] = "web/search",
        ["type"] = "search",
        ["outcome"] = "success",
        ["stage"] = "research",
        ["score"] = 0,
        ["attributes"] = new JsonObject { ["query"] = "red running shoes 42" },
    };

    public static void Describe(OpenApiSchema schema)
    {
        schema.Description = "One thing a customer did or had done to them. Unknown fields are ignored; null counts as absent; a field given twice is an error.";
        schema.Required = new HashSet<string>(InteractionReader.RequiredNames);
        schema.Examples = [Example];
        Text(schema, "id", InteractionReader.MaxIdLength, "Unique per interaction: a re-sent id is accepted and ignored (idempotent), as long as the customer has had fewer than Customers:DedupCapacity (512) newer interactions.");
        Text(schema, "customerId", InteractionReader.MaxIdLength, "Who.");
        Text(schema, "touchpoint", InteractionReader.MaxIdLength, "Where, e.g. web/search, call-center/billing-queue.");
        Text(schema, "caseId", InteractionReader.MaxIdLength, "Links a complaint, its replies and follow-up contacts across channels.");
        Text(schema, "source", InteractionReader.MaxIdLength, "Over HTTP set by CxLive to the API key's name, whatever the body says; kept as written on the Redis stream.");
        Text(schema, "type", InteractionReader.MaxTypeLength,
            $"What happened. Known types drive detectors: {string.Join(", ", InteractionTypes.All)}. Unknown types are kept and counted but drive no detector.");
        if (Property(schema, "timestamp") is { } timestamp)
        {
            timestamp.Format = "date-time";
            timestamp.Description = "Event time, ISO 8601 with an offset (Z or +08:00). At most Ingestion:MaxClockSkew (5 min) in the future and Ingestion:MaxEventAge (30 days) in the past.";
        }

        if (Property(schema, "score") is { } score)
        {
            score.Description = "A finite number whose meaning the type gives: results of a search (a whole number, 0 or more), seconds of a queue-wait (0 or more), the answer of a survey (nps 0-10, csat 1-5).";
        }

        if (Property(schema, "attributes") is { } attributes)
        {
            attributes.MaxProperties = InteractionReader.MaxAttributes;
            attributes.AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = InteractionReader.MaxAttributeLength,
                Pattern = FreeText,
            };
            attributes.Description = $"String values only (null counts as absent); at most {InteractionReader.MaxAttributes} entries; keys and values 1-{InteractionReader.MaxAttributeLength} characters; the customer's own words (text, comment, message, reason) may break lines, other values and keys may not (e.g. query, orderId, scale, text).";
        }
    }

    /// <summary>
    /// A document step, after the schema steps (which write each choice's schema afresh, from its C#
    /// type): every optional field may be null, since the parser takes null as absent. outcome has
    /// a default in C#, so the generator made it non-null, and a client checking its data against
    /// the document refused the null CxLive accepts (the integrator trial).
    /// </summary>
    public static Task NullMeansAbsent(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.TryGetValue(nameof(Interaction), out var found) == true && found is OpenApiSchema { Properties: { } properties } interaction)
        {
            foreach (var (name, property) in properties)
            {
                if (interaction.Required?.Contains(name) != true && property is OpenApiSchema { Type: { } type } optional)
                {
                    optional.Type = type | JsonSchemaType.Null;
                    if (optional.Enum is { Count: > 0 } choices && !choices.Contains(null!))
                    {
                        // Written as JSON null: JSON Schema checks the enum as well as the type. Only here,
                        // inline: a shared choice (a $ref beside {type: null} in a oneOf) would then let
                        // null match both branches, which oneOf refuses.
                        optional.Enum = [.. choices, null!];
                    }
                }
            }

            if (properties.TryGetValue("outcome", out var outcome))
            {
                outcome.Description = "How it went: success when left out. " + outcome.Description;
            }
        }

        return Task.CompletedTask;
    }

    private static void Text(OpenApiSchema schema, string name, int maxLength, string description)
    {
        if (Property(schema, name) is { } property)
        {
            property.MinLength = 1;
            property.MaxLength = maxLength;
            property.Pattern = Printable;
            property.Description = description;
        }
    }

    /// <summary>An inline property schema (strings, numbers, maps); enums are references, described on their own.</summary>
    private static OpenApiSchema? Property(OpenApiSchema schema, string name) =>
        schema.Properties is not null && schema.Properties.TryGetValue(name, out var property) ? property as OpenApiSchema : null;
}
