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
        if (operation.Responses["503"] is OpenApiResponse unavailable) // every 503 says when to try again (ingest's "stopping" too)
        {
            unavailable.Headers ??= new Dictionary<string, IOpenApiHeader>();
            unavailable.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before sending again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
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
