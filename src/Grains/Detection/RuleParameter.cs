namespace CxLive.Detection;

public enum ParameterKind
{
    /// <summary>A whole number, at least 1.</summary>
    Count,

    /// <summary>A positive <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>) duration.</summary>
    Duration,

    /// <summary>A finite decimal number.</summary>
    Number,
}

/// <summary>One tunable of a rule: its name on the wire, its kind, its default and what it means.</summary>
public sealed record RuleParameter(string Name, ParameterKind Kind, string Default, string Description);
