namespace CxLive.Simulator;

/// <summary>How much traffic to generate and how much of it goes wrong.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Distinct customers journeys are spread over (default 300).</summary>
    public int Customers { get; set; } = 300;

    /// <summary>New journey sessions started per second, on average (default 5).</summary>
    public double SessionsPerSecond { get; set; } = 5;

    /// <summary>Share of sessions that carry an injected bad experience, 0 to 1 (default 0.3).</summary>
    public double BadExperienceRate { get; set; } = 0.3;

    /// <summary>Seed of the random generator: the same seed and start give the same journeys.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Prefix of customer and interaction ids, so runs never collide (default "sim").</summary>
    public string IdPrefix { get; set; } = "sim";

    /// <summary>
    /// Burst rules with a scripted story (<c>Scenarios.Bad</c>) are injected from it, a richer story
    /// than their example tells (default true); false injects every burst rule from its example, as a
    /// new rule is: what the ground-truth test runs to hold the examples to the same 100 %.
    /// </summary>
    public bool ScriptedBursts { get; set; } = true;

    /// <summary>Start with a failed-search session, so a demo shows an alert within seconds.</summary>
    public bool StartWithBadExperience { get; set; }
}
