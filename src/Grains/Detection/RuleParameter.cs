namespace CxLive.Grains.Detection;

/// <summary>One tunable of a rule: its name on the wire, its kind, its default and what it means.</summary>
public sealed record RuleParameter(string Name, ParameterKind Kind, string Default, string Description);
