using System.Collections.Immutable;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Rules;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Rules;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// Body of <c>PUT /api/rules/{ruleId}</c>, and one rule's overrides in a back-test. Fields left out
/// keep their value; parameters not named keep theirs; parameter values may be strings or numbers.
/// </summary>
public sealed record RuleChangeRequest(
    bool? Enabled,
    [property: Description("info, warning or critical (any case).")] Severity? Severity,
    [property: Description("Parameter name to value (a string or a number): a count, a duration written hh:mm:ss, or a number, as the rule's parameterDefinitions say.")] JsonElement? Parameters)
    : IValidatedBody<RuleChangeRequest>
{
    /// <summary>Anything else the body holds: each is a mistake (a misspelt setting would change nothing).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }

    public static string? ObjectExpected => "must be an object like { \"enabled\": true, \"severity\": \"warning\", \"parameters\": { ... } }";

    /// <summary>
    /// The rule's settings with this change laid over them; each mistake goes to <paramref name="errors"/>
    /// and leaves its setting as it is, so the parameters can still be checked beside it.
    /// </summary>
    public RuleChange Over(ActiveRule current, FieldErrors errors, string prefix = "")
    {
        foreach (var name in Other?.Keys ?? Enumerable.Empty<string>())
        {
            errors.Add(prefix + name, "not a rule setting (use enabled, severity, parameters)");
        }

        var parameters = current.ParameterValues().ToImmutableDictionary(StringComparer.Ordinal);
        if (Parameters is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null })
        {
            errors.Add(prefix + "parameters", "must be an object of parameter name to value");
        }
        else if (Parameters is { ValueKind: JsonValueKind.Object } named)
        {
            foreach (var parameter in named.EnumerateObject())
            {
                if (parameter.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    parameters = parameters.SetItem(parameter.Name, parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText());
                }
                else
                {
                    errors.Add($"{prefix}parameters.{parameter.Name}", "must be a string or a number");
                }
            }
        }

        return new RuleChange(Enabled ?? current.Enabled, Severity ?? current.Severity, parameters);
    }

    /// <summary>
    /// The change must give a rule book that builds (each parameter read and in range). The rule is the
    /// route's; an unknown rule is the handler's 404. Other rules' run-time changes do not matter here:
    /// the change carries every setting of its own rule.
    /// </summary>
    public static void Validate(RuleChangeRequest body, FieldErrors errors, HttpContext http)
    {
        var source = http.RequestServices.GetRequiredService<LiveRuleBookSource>();
        if (http.GetRouteValue("ruleId") is not string ruleId || source.Current.Find(ruleId) is not { } current)
        {
            return;
        }

        var change = body.Over(current, errors);
        var parameterErrors = new List<string>();
        source.TryBuild(RuleChanges.None with { ByRule = RuleChanges.None.ByRule.SetItem(ruleId, change) }, parameterErrors);
        foreach (var error in parameterErrors)
        {
            var own = error.StartsWith(ruleId + ": ", StringComparison.Ordinal) ? error[(ruleId.Length + 2)..] : error;
            var (field, reason) = own.Split(": ", 2) is [var f, var r] ? (f, r) : ("body", own);
            errors.Add(field, reason);
        }
    }
}
