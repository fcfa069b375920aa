using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>What a rule is, before any configuration: its id, what it watches, and its defaults.</summary>
public sealed record RuleDefinition(
    string RuleId,
    string Description,
    Severity DefaultSeverity,
    ImmutableArray<RuleParameter> Parameters,
    bool EnabledByDefault = true);
