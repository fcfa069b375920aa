using System.Collections.Immutable;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Rules;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Rules;

namespace CxLive.Dashboard.Api;

/// <summary>
/// <c>GET /api/rules</c>, <c>GET /api/rules/{ruleId}</c>, <c>PUT /api/rules/{ruleId}</c>. A change is
/// validated like configuration, stored by the rules grain (so it survives restarts), in force in
/// this silo when the answer comes and in every other silo within a second.
/// </summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules");
        rules.MapGet("/", (LiveRuleBookSource source) => Results.Ok(source.Current.Rules.Select(RuleView.Of))).AllowsQuery().Produces<RuleView[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        rules.MapGet("/{ruleId}", (LiveRuleBookSource source, string ruleId) =>
            source.Current.Find(ruleId) is { } rule ? Results.Ok(RuleView.Of(rule)) : UnknownRule(ruleId, source.Current)).AllowsQuery().Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary><c>PUT /api/rules/{ruleId}</c>: a rule's new settings (admins; <c>WebTier</c> maps it under their policy).</summary>
    public static IEndpointRouteBuilder MapRuleChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/rules").WithTags("Rules").MapPut("/{ruleId}", ChangeAsync)
            .AllowsQuery() // before Takes: a bad query is answered whatever the body holds
            .Takes<RuleChangeRequest>()
            .Produces<RuleView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    /// <summary>
    /// The body is bound and checked before this runs (<see cref="RuleChangeRequest.Validate"/>: every
    /// mistake at once, parameters included); here the change is checked once more over the run-time
    /// changes the rules grain holds, then stored and put in force.
    /// </summary>
    private static async Task<IResult> ChangeAsync(string ruleId, Body<RuleChangeRequest> body, LiveRuleBookSource source, IGrainFactory grains)
    {
        if (source.Current.Find(ruleId) is not { } current)
        {
            return UnknownRule(ruleId, source.Current);
        }

        var errors = new FieldErrors();
        var change = body.Value.Over(current, errors);
        var rulesGrain = grains.Ref<IRulesGrain>(0);
        var proposed = await rulesGrain.GetChangesAsync();
        proposed = proposed with { ByRule = proposed.ByRule.SetItem(ruleId, change) };
        // Only this rule's change is judged: another rule's stored change that this version no
        // longer takes runs as configured and must not lock this one out (lenient).
        var parameterErrors = new List<string>();
        source.TryBuild(proposed, parameterErrors, lenient: true);
        var mine = parameterErrors.Where(e => e.StartsWith(ruleId + ": ", StringComparison.Ordinal)).Select(e => e[(ruleId.Length + 2)..]).ToList();
        if (mine.Count > 0)
        {
            return Invalid(mine);
        }

        source.Apply(await rulesGrain.ChangeAsync(ruleId, change));
        return Results.Ok(RuleView.Of(source.Current.Find(ruleId)!));
    }

    internal static IResult Invalid(List<string> errors) => Problems.BadRequest(
        "Invalid rule settings",
        string.Join("; ", errors),
        new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Split(": ", 2)[0]).ToDictionary(g => g.Key, g => g.Select(e => e.Split(": ", 2)[^1]).ToArray()),
        });

    /// <summary>Not found, with the rules there are, as <c>?ruleId=</c> on alerts names them.</summary>
    private static IResult UnknownRule(string ruleId, RuleBook rules) => Problems.NotFound($"no rule has id '{ruleId}'; {RuleList(rules)}");

    /// <summary>"the rules are a, b, c": what an unknown rule id is answered with, wherever it is sent.</summary>
    internal static string RuleList(RuleBook rules) => $"the rules are {string.Join(", ", rules.Rules.Select(r => r.RuleId).Order(StringComparer.Ordinal))}";
}
