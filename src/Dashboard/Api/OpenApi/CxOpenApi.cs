using System.Text.Json.Nodes;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Security;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints themselves, and
/// the interactive reference page at <c>/scalar</c> (served from the package: no CDN, no fonts or
/// telemetry from elsewhere). Who may open them: <see cref="ApiReferenceOptions"/>.
/// </summary>
public static class CxOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The reference page; its scripts and styles live under this path too.</summary>
    public const string ReferencePath = "/scalar";

    public const string ApiKeyScheme = "apiKey";
    public const string CookieScheme = "cookie";

    public static IServiceCollection AddCxOpenApi(this IServiceCollection services)
    {
        services.AddOptions<ApiReferenceOptions>().BindConfiguration(ApiReferenceOptions.Section)
            .Validate(o => o.Access is null || ApiReferenceOptions.Accesses.Contains(o.Access, StringComparer.OrdinalIgnoreCase),
                $"ApiReference:Access must be one of {string.Join(", ", ApiReferenceOptions.Accesses)}")
            .ValidateOnStart();
        services.AddOpenApi(DocumentName, o =>
        {
            // The REST API; the Orleans dashboard (/orleans) and the pages are not part of the contract.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer(DescribeDocumentAsync);
            o.AddOperationTransformer(DescribeOperationAsync);
            o.AddSchemaTransformer(DescribeSchema);
            o.AddDocumentTransformer(DescribeProblemFields);
            o.AddDocumentTransformer(InteractionSchema.NullMeansAbsent);
            o.AddDocumentTransformer(RequireOnlyWhatIsAlwaysThere); // last: over every schema, as written
        });
        return services;
    }

    /// <summary>Maps the document and the page; <c>WebTier</c> maps them for anyone or for admins, or not at all, as <see cref="ApiReferenceOptions"/> say.</summary>
    public static IEndpointRouteBuilder MapCxOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("CxLive API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument(DocumentName)
            .DisableDefaultFonts() // the default fonts come from a CDN: a control room has none
            .DisableTelemetry()
            .DisableAgent() // the hosted AI assistant, the MCP link and the developer toolbar all reach Scalar's cloud
            .DisableMcp()
            .HideDeveloperTools());
        return app;
    }

    private static async Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CxLive API",
            Version = DocumentName,
            Description = ApiDescriptions.Document,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.Header,
            Description = "An integrator's API key (Security:ApiKeys; `CxLive.Silo new-api-key <name>` makes one). Only for POST /api/interactions. Not needed while no keys are configured.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "cxlive",
            Description = "The sign-in cookie people get from the /login page (or the identity provider's session with OpenID Connect). Not needed in an open install.",
        };

        // The hub sends these; REST answers do not all use them, so they are added by hand.
        foreach (var (name, type) in new[] { ("CustomerSnapshot", typeof(CustomerSnapshot)), ("WallStats", typeof(WallStats)), ("OutreachPrompt", typeof(OutreachPrompt)), ("Incident", typeof(Incident)), ("Alert", typeof(Alert)) })
        {
            if (document.Components.Schemas?.ContainsKey(name) != true)
            {
                document.AddComponent(name, await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken));
            }
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Real time (SignalR)", Description = ApiDescriptions.Hub });
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().FirstOrDefault() is { } body && context.Document is { } host)
        {
            host.AddComponent(body.Type.Name, await context.GetOrCreateSchemaAsync(body.Type, cancellationToken: cancellationToken));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = !body.IsOptional,
                Content = body.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchemaReference(body.Type.Name, host) }),
            };
        }

        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet();
        var document = context.Document;
        if (policies.Contains(Access.IntegratorPolicy))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
        }
        else if (policies.Count > 0)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] }];
            var who = policies.Contains(Access.AdminPolicy) ? "admins"
                : policies.Contains(Access.SupervisorPolicy) ? "supervisors and admins"
                : "supervisors, agents and admins";
            operation.Description = $"{operation.Description}\n\nWith sign-in configured: for {who}.".TrimStart();
        }

        DescribeQuery(operation, context.Description.ActionDescriptor.EndpointMetadata);
        if (document is not null)
        {
            document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        CommonAnswers.Describe(operation, document, policies);
        foreach (var text in context.Description.ActionDescriptor.EndpointMetadata.OfType<AlternativeContent>())
        {
            if (operation.Responses?.TryGetValue(text.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var answer) == true && answer is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[text.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = text.Description } };
            }
        }

        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is IngestEndpoint.OperationName or BacktestApi.OperationName && operation.RequestBody?.Content is { } content && document is not null)
        {
            DescribeInteractionBodies(content, document, backtest: name == BacktestApi.OperationName);
        }
    }

    /// <summary>
    /// Every query parameter the endpoint allows is listed, typed and described
    /// (<see cref="QueryParameters"/>), those its handler reads by hand too. A list that pages
    /// (it takes a <c>cursor</c>) says where the next page is.
    /// </summary>
    private static void DescribeQuery(OpenApiOperation operation, IList<object> metadata)
    {
        operation.Parameters ??= [];
        foreach (var name in metadata.OfType<AllowedQuery>().LastOrDefault()?.Names ?? [])
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Query && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query });
            }
        }

        var query = operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query).ToList();
        var paged = query.Any(p => p.Name == "cursor");
        foreach (var parameter in query)
        {
            QueryParameters.Describe(parameter, paged);
        }

        if (paged && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse page)
        {
            page.Headers ??= new Dictionary<string, IOpenApiHeader>();
            page.Headers["Link"] = new OpenApiHeader
            {
                Description = "The next page, when there is one: `<...?cursor=...>; rel=\"next\"` (RFC 8288), with this request's other parameters.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            page.Headers["X-Next-Cursor"] = new OpenApiHeader
            {
                Description = "The cursor of the next page, when there is one: send it as `cursor` with the same parameters.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    /// <summary>
    /// The JSON body is one interaction or an array of them (a back-test takes an array, or the
    /// object with overrides); NDJSON is one interaction per line, which a schema can say only in words.
    /// </summary>
    private static void DescribeInteractionBodies(IDictionary<string, OpenApiMediaType> content, OpenApiDocument document, bool backtest)
    {
        var interaction = new OpenApiSchemaReference(nameof(Interaction), document);
        var array = new OpenApiSchema { Type = JsonSchemaType.Array, Items = interaction };
        if (content.TryGetValue("application/json", out var json) && json.Schema is { } declared)
        {
            json.Schema = new OpenApiSchema { OneOf = [backtest ? declared : interaction, array] };
        }

        content["application/x-ndjson"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "One Interaction object per line (UTF-8, lines end with \\n); blank lines are skipped. A broken line is one rejected item, with its line counted from 1."
                    + (backtest ? " Overrides go in the 'rules' query parameter." : ""),
            },
            Example = JsonValue.Create(InteractionSchema.Example.ToJsonString() + "\n"),
        };
        if (!backtest)
        {
            content["application/jsonl"] = content["application/x-ndjson"]; // ingest reads both names of the same format
        }
    }

    /// <summary>
    /// The fields CxLive adds to problem details (docs/api.md), which the generator cannot see: a typed
    /// client kept only status and title, and lost the reasons of each rejected item and the state a
    /// 409 names, just when it needed them.
    /// </summary>
    private static Task DescribeProblemFields(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(nameof(ProblemDetails), out var found) || found is not OpenApiSchema problem)
        {
            return Task.CompletedTask;
        }

        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        OpenApiSchemaReference Of(string name) => new(name, document);
        problem.Properties["correlationId"] = Text("On every problem: the request's id in the server's logs (X-Correlation-Id), to quote when asking about it.");
        problem.Properties["traceId"] = Text("The request's W3C trace id, for a tracing system (OpenTelemetry).");
        problem.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A 400 naming bad query values, route values or body fields: each one's reasons.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("What is wrong and what to send instead.") },
        };
        problem.Properties["retentionDays"] = new OpenApiSchema { Type = JsonSchemaType.Number, Description = "A 400 of GET /api/insights/pain-points whose window is longer than insights are kept (Insights:Retention): the days kept, for a client that words the refusal itself." };
        problem.Properties["rejected"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Of("RejectedItem"), Description = "A 400 of a batch none of whose items is valid: each item's reasons, as a 202 lists them." };
        problem.Properties["state"] = Text("A 409 on an alert action: the state the alert is in.");
        problem.Properties["alert"] = new OpenApiSchema { AllOf = [Of("Alert")], Description = "A 409 on an alert action: the alert as it is now." };
        problem.Properties["incident"] = new OpenApiSchema { AllOf = [Of("Incident")], Description = "A 409 resolving an incident already resolved: the incident as it is." };
        problem.Properties["prompt"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A 409 on an outreach outcome: the prompt as it is (an OutreachPrompt: already reported, reported contacted with its alert closed since (alertClosed), or withdrawn before any agent held it); of another agent's prompt only its id, agentId, partition and sequence.",
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// CxLive leaves out a field with no value (it never writes null), and a request may leave out
    /// what it does not need: only a field that cannot be null is required. The generator required
    /// every constructor parameter, and clients made from the document refused answers without them.
    /// </summary>
    private static Task RequireOnlyWhatIsAlwaysThere(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
            {
                foreach (var optional in required.Where(name => properties.TryGetValue(name, out var property) && MayBeNull(property)).ToList())
                {
                    required.Remove(optional);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Null among its types or choices, or a schema that takes anything (a JSON value as it comes).</summary>
    private static bool MayBeNull(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true
        || schema.OneOf?.Any(MayBeNull) == true || schema.AnyOf?.Any(MayBeNull) == true
        || schema is OpenApiSchema { Type: null, OneOf: null or { Count: 0 }, AnyOf: null or { Count: 0 }, AllOf: null or { Count: 0 } };

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var underlying = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
        var type = underlying ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            // The wire names, whatever the generator made of the converter; an optional one may be left out.
            schema.Type = JsonSchemaType.String | (underlying is null ? 0 : JsonSchemaType.Null);
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(CxJson.EnumNaming.ConvertName(n)))];
            var twoWords = Enum.GetNames(type).FirstOrDefault(n => n.Skip(1).Any(char.IsUpper));
            schema.Description ??= twoWords is null
                ? "Read in any case; always written as here."
                : $"Read in any case (and in the spelling configuration uses, e.g. {twoWords}); always written as here.";
        }
        else if (schema.Type is { } types && types.HasFlag(JsonSchemaType.String) && (types.HasFlag(JsonSchemaType.Number) || types.HasFlag(JsonSchemaType.Integer)))
        {
            // The web serializer defaults would read numbers from strings; CxLive writes numbers and its parsers want numbers.
            schema.Type = types & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (type == typeof(Interaction))
        {
            InteractionSchema.Describe(schema);
        }


        return Task.CompletedTask;
    }
}
