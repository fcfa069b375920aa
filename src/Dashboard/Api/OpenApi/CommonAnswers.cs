using CxLive.Dashboard.Security;
using Microsoft.OpenApi;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// The problem answers any endpoint can give, whatever its handler declares: a query parameter it does
/// not read (<c>400</c>, every endpoint names the query it takes), no or the wrong credentials
/// (<c>401</c>, and <c>403</c> where a role is needed), and storage or the cluster not answering
/// (<c>503</c> with <c>Retry-After</c>, <see cref="ClusterUnavailableHandler"/>). A generated client
/// read <c>GET /api/alerts/{id}</c> as answering 200 or 404 only.
/// </summary>
internal static class CommonAnswers
{
    public static void Describe(OpenApiOperation operation, OpenApiDocument? document, IReadOnlySet<string> policies)
    {
        if (document is null) return;
        operation.Responses ??= [];
        Add(operation, document, "400", "A query parameter this endpoint does not read, or a value it cannot read: the problem names it (and, for an unknown parameter, the ones it reads).");
        if (policies.Contains(Access.IntegratorPolicy))
        {
            Add(operation, document, "401", "With API keys configured: no `X-Api-Key` header, or a key that is not configured.");
            Header(operation, "401", "WWW-Authenticate", "`ApiKey header=\"X-Api-Key\"`: the header a key goes in.", JsonSchemaType.String);
            // Sent by a browser page of another site (an integrator's own program sends no Origin): an integrator's trial met it undeclared.
            Add(operation, document, "403", "A browser page of another origin sent it (its `Origin` or `Sec-Fetch-Site` header says so): only CxLive's own pages, and programs, may.");
        }
        else if (policies.Count > 0)
        {
            Add(operation, document, "401", "With sign-in configured: not signed in.");
            if (policies.Contains(Access.AdminPolicy) || policies.Contains(Access.SupervisorPolicy))
            {
                Add(operation, document, "403", "With sign-in configured: signed in with a role this does not allow.");
            }
        }

        Add(operation, document, "503", $"Redis or the cluster did not answer in time: send the request again after `Retry-After` ({ClusterUnavailableHandler.RetryAfterSeconds} s).");
        // Every 503 (ingest's "stopping" too) and 429 (a key's rate) says when to try again.
        Header(operation, "503", "Retry-After", "Seconds to wait before sending again.", JsonSchemaType.Integer);
        Header(operation, "429", "Retry-After", "Seconds to wait before sending again.", JsonSchemaType.Integer);
    }

    /// <summary>Declares a header on the operation's answer with that status, where it has one.</summary>
    private static void Header(OpenApiOperation operation, string status, string name, string description, JsonSchemaType type)
    {
        if (operation.Responses!.TryGetValue(status, out var answer) && answer is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
        }
    }

    /// <summary>Adds the answer unless the endpoint declares that status itself (its words are more precise).</summary>
    private static void Add(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }
}
