using CxLive.Alerts;
using CxLive.Api.OpenApi;

namespace CxLive.Api;

/// <summary><c>POST /api/silences</c>, <c>GET /api/silences</c> (active ones), <c>DELETE /api/silences/{id}</c>.</summary>
public static class SilencesApi
{
    public static IEndpointRouteBuilder MapSilencesApi(this IEndpointRouteBuilder app)
    {
        var silences = app.MapGroup("/api/silences").WithTags("Silences");
        silences.MapGet("/", (ClusterAlerts alerts) => alerts.Directory.SilencesAsync()).AllowsQuery().Produces<Silence[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        silences.MapPost("/", CreateAsync).Documents<SilenceRequest>("application/json").Produces<Silence>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        silences.MapDelete("/{id}", async (ClusterAlerts alerts, string id) =>
            await alerts.Directory.RemoveSilenceAsync(id) ? Results.NoContent() : Problems.NotFound($"no active silence has id '{id}'"))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClusterAlerts alerts, TimeProvider time, Detection.LiveRuleBookSource rules)
    {
        var (body, problem) = await JsonBody.ReadAsync(request);
        if (body is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var silence = new Silence
        {
            Id = "sil-" + Guid.CreateVersion7(now).ToString("N")[^12..],
            RuleId = body.Text("ruleId", maxLength: 128),
            Touchpoint = body.Text("touchpoint", maxLength: 128),
            CustomerId = body.Text("customerId", maxLength: 128),
            Author = Actor.Of(request.HttpContext.User, body.Text("author", maxLength: 128)),
            Comment = body.Text("comment", required: true, maxLength: 1000) ?? "",
            CreatedAt = now,
            ExpiresAt = body.Time("expiresAt", required: true) ?? now,
        };
        if (silence is { RuleId: null, Touchpoint: null, CustomerId: null })
        {
            body.Errors.Add("ruleId: at least one of ruleId, touchpoint and customerId is required (a silence mutes what matches all it names)");
        }

        if (silence.RuleId is { } ruleId && rules.Current.Find(ruleId) is null)
        {
            // A typo would mute nothing until it expired, while looking like it does.
            body.Errors.Add($"ruleId: no rule is called '{ruleId}'; the rules are {string.Join(", ", rules.Current.Rules.Select(r => r.RuleId).Order(StringComparer.Ordinal))}");
        }

        if (silence.ExpiresAt <= now && !body.Errors.Any(e => e.StartsWith("expiresAt:", StringComparison.Ordinal)))
        {
            body.Errors.Add("expiresAt: must be in the future");
        }

        if (body.Errors.Count > 0)
        {
            return body.Invalid();
        }

        var created = await alerts.Directory.AddSilenceAsync(silence);
        return Results.Created($"/api/silences/{created.Id}", created);
    }
}
