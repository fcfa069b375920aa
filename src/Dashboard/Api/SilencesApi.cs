using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Alerts;

namespace CxLive.Dashboard.Api;

/// <summary><c>POST /api/silences</c>, <c>GET /api/silences</c> (active ones), <c>DELETE /api/silences/{id}</c>.</summary>
public static class SilencesApi
{
    public static IEndpointRouteBuilder MapSilencesApi(this IEndpointRouteBuilder app)
    {
        var silences = app.MapGroup("/api/silences").WithTags("Silences");
        silences.MapGet("/", (ClusterAlerts alerts) => alerts.Directory.SilencesAsync()).AllowsQuery().Produces<Silence[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        silences.MapPost("/", CreateAsync).AllowsQuery().Takes<SilenceRequest>().Produces<Silence>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        silences.MapGet("/{id}", async (ClusterAlerts alerts, string id) =>
            (await alerts.Directory.SilencesAsync()).FirstOrDefault(s => s.Id == id) is { } silence ? Results.Ok(silence) : Problems.NotFound($"no active silence has id '{id}'"))
            .AllowsQuery().Produces<Silence>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound); // where POST's Location points
        silences.MapDelete("/{id}", async (ClusterAlerts alerts, string id) =>
            await alerts.Directory.RemoveSilenceAsync(id) ? Results.NoContent() : Problems.NotFound($"no active silence has id '{id}'"))
            .AllowsQuery().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(Body<SilenceRequest> body, HttpRequest request, ClusterAlerts alerts, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var asked = body.Value;
        var silence = new Silence
        {
            Id = "sil-" + Guid.CreateVersion7(now).ToString("N")[^12..],
            RuleId = asked.RuleId,
            Touchpoint = asked.Touchpoint,
            CustomerId = asked.CustomerId,
            Author = Actor.Of(request.HttpContext.User, asked.Author),
            Comment = asked.Comment!,
            CreatedAt = now,
            ExpiresAt = asked.ExpiresAt!.Value,
        };
        var created = await alerts.Directory.AddSilenceAsync(silence);
        return Results.Created($"/api/silences/{created.Id}", created);
    }
}
