using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Dashboard.Api;

/// <summary>One rule as <c>GET /api/rules</c> shows it: what it does, how it is set now, and what each parameter means.</summary>
public sealed record RuleView(
    string RuleId,
    string Description,
    bool Enabled,
    Severity Severity,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<ParameterView> ParameterDefinitions)
{
    public static RuleView Of(ActiveRule rule) => new(
        rule.RuleId,
        rule.Definition.Description,
        rule.Enabled,
        rule.Severity,
        rule.ParameterValues(),
        [.. rule.Definition.Parameters.Select(p => new ParameterView(p.Name, p.Kind switch
        {
            ParameterKind.Count => "count",
            ParameterKind.Duration => "duration",
            _ => "number",
        }, p.Default, p.Description))]);
}
