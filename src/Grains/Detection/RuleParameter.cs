namespace CxLive.Grains.Detection;

/// <summary>
/// One tunable of a rule: its name on the wire, its kind, its default and what it means, and the
/// values that make sense for it. A value outside them is refused at <c>PUT /api/rules</c>, in a
/// back-test's overrides and in configuration: an experience threshold of 150 on a 0-100 score was
/// taken and flooded the wall with alerts on happy customers.
/// </summary>
public sealed record RuleParameter(string Name, ParameterKind Kind, string Default, string Description)
{
    /// <summary>The smallest value a count or number may take (counts: 1 unless set).</summary>
    public double? Least { get; init; }

    /// <summary>The largest value a count or number may take (counts: <see cref="MostCount"/> unless set).</summary>
    public double? Most { get; init; }

    /// <summary>A duration the rule reads in whole minutes (a touchpoint's one-minute buckets), at most this many.</summary>
    public int? WholeMinutesUpTo { get; init; }

    /// <summary>The largest count any parameter takes: beyond it a typo (extra zeros), not a setting.</summary>
    public const int MostCount = 1_000_000;
}
