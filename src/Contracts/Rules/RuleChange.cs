using System.Collections.Immutable;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Rules;

/// <summary>A rule's settings as changed at run time (<c>PUT /api/rules/{ruleId}</c>): laid over configuration.</summary>
[GenerateSerializer, Immutable, Alias("cx.RuleChange")]
public sealed record RuleChange(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] Severity Severity,
    [property: Id(2)] ImmutableDictionary<string, string> Parameters);
