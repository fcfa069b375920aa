using System.Collections.Immutable;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Rules;

/// <summary>Every run-time rule change, with a version that grows with each change.</summary>
[GenerateSerializer, Immutable, Alias("cx.RuleChanges")]
public sealed record RuleChanges(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableDictionary<string, RuleChange> ByRule)
{
    public static readonly RuleChanges None = new(0, ImmutableDictionary<string, RuleChange>.Empty);
}
