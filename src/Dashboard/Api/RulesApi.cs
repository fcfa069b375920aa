using System.Collections.Immutable;
using System.Text.Json;
using CxLive.Alerts;
using CxLive.Api.OpenApi;
using CxLive.Api.Requests;
using CxLive.Detection;
using CxLive.Rules;
using CxLive.Serialization;

namespace CxLive.Api;

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
            source.Current.Find(ruleId) is { } rule ? Results.Ok(RuleView.Of(rule)) : UnknownRule(ruleId)).Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPut("/{ruleId}", ChangeAsync).RequireAuthorization(Dashboard.Security.Access.AdminPolicy)
            .Documents<RuleChangeRequest>("application/json")
            .Produces<RuleView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> ChangeAsync(string ruleId, HttpRequest request, LiveRuleBookSource source, IGrainFactory grains)
    {
        if (source.Current.Find(ruleId) is not { } current)
        {
            return UnknownRule(ruleId);
        }

        var errors = new List<string>();
        var (body, unreadable) = await SmallJson.ReadAsync(request);
        if (body is null)
        {
            return unreadable!;
        }

        using (body)
        {
            if (Read(body.RootElement, current, errors) is not { } change)
            {
                return Invalid(errors);
            }

            // The parameters are checked even when a setting beside them was wrong: every mistake at once.
            var rulesGrain = grains.GetGrain<IRulesGrain>(0);
            var proposed = await rulesGrain.GetChangesAsync();
            proposed = proposed with { ByRule = proposed.ByRule.SetItem(ruleId, change) };
            var parameterErrors = new List<string>();
            source.TryBuild(proposed, parameterErrors);
            errors.AddRange(parameterErrors.Select(e => e.StartsWith(ruleId + ": ", StringComparison.Ordinal) ? e[(ruleId.Length + 2)..] : e));
            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            source.Apply(await rulesGrain.ChangeAsync(ruleId, change));
            return Results.Ok(RuleView.Of(source.Current.Find(ruleId)!));
        }
    }

    /// <summary>
    /// The body: <c>enabled</c> and <c>severity</c> keep their current values when left out;
    /// <c>parameters</c> named are changed, the others keep theirs. Values may be strings or numbers.
    /// A wrong setting adds its reason to <paramref name="errors"/> and keeps its current value, so the
    /// change that comes back still lets the caller check the parameters; null only when the body is
    /// not an object at all.
    /// </summary>
    internal static RuleChange? Read(JsonElement body, ActiveRule current, List<string> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body: must be an object like { \"enabled\": true, \"severity\": \"warning\", \"parameters\": { ... } }");
            return null;
        }

        var enabled = current.Enabled;
        var severity = current.Severity;
        var parameters = current.ParameterValues().ToImmutableDictionary(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "enabled" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    enabled = property.Value.GetBoolean();
                    break;
                case "enabled":
                    errors.Add("enabled: must be true or false");
                    break;
                case "severity" when WireNames<Severity>.TryParse(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null, out var parsed):
                    severity = parsed;
                    break;
                case "severity":
                    errors.Add($"severity: must be one of {WireNames<Severity>.Allowed}");
                    break;
                case "parameters" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var parameter in property.Value.EnumerateObject())
                    {
                        if (parameter.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                        {
                            parameters = parameters.SetItem(parameter.Name, parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText());
                        }
                        else
                        {
                            errors.Add($"parameters.{parameter.Name}: must be a string or a number");
                        }
                    }

                    break;
                case "parameters":
                    errors.Add("parameters: must be an object of parameter name to value");
                    break;
                default:
                    errors.Add($"{property.Name}: not a rule setting (use enabled, severity, parameters)");
                    break;
            }
        }

        return new RuleChange(enabled, severity, parameters);
    }

    internal static IResult Invalid(List<string> errors) => Problems.BadRequest(
        "Invalid rule settings",
        string.Join("; ", errors),
        new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Split(": ", 2)[0]).ToDictionary(g => g.Key, g => g.Select(e => e.Split(": ", 2)[^1]).ToArray()),
        });

    private static IResult UnknownRule(string ruleId) => Problems.NotFound($"no rule has id '{ruleId}'");
}
