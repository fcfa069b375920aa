using System.Collections.Immutable;
using CxLive.Alerts;

namespace CxLive.Rules;

/// <summary>A rule's settings as changed at run time (<c>PUT /api/rules/{ruleId}</c>): laid over configuration.</summary>
[GenerateSerializer, Immutable, Alias("cx.RuleChange")]
public sealed record RuleChange(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] Severity Severity,
    [property: Id(2)] ImmutableDictionary<string, string> Parameters);

/// <summary>Every run-time rule change, with a version that grows with each change.</summary>
[GenerateSerializer, Immutable, Alias("cx.RuleChanges")]
public sealed record RuleChanges(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableDictionary<string, RuleChange> ByRule)
{
    public static readonly RuleChanges None = new(0, ImmutableDictionary<string, RuleChange>.Empty);
}
