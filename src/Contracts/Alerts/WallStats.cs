using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>The wall's counters (<c>wallStats</c>, <c>GET /api/alerts/stats</c>).</summary>
[GenerateSerializer, Immutable, Alias("cx.WallStats")]
public sealed record WallStats
{
    /// <summary>Alerts not resolved, by severity (silenced ones not counted).</summary>
    [Id(0)] public required ImmutableDictionary<Severity, int> OpenBySeverity { get; init; }

    [Id(1)] public int OpenIncidents { get; init; }

    /// <summary>Alerts raised in the last minute.</summary>
    [Id(2)] public int RaisedLastMinute { get; init; }

    /// <summary>Mean time from raise to acknowledgement, and to resolution, in seconds (null until there is one).</summary>
    [Id(3)] public double? MeanSecondsToAcknowledge { get; init; }
    [Id(4)] public double? MeanSecondsToResolve { get; init; }

    /// <summary>Closed customer alerts whose customer recovered, over those with an outcome (null until there is one).</summary>
    [Id(5)] public double? RecoveryRate { get; init; }
    [Id(6)] public int Recovered { get; init; }
    [Id(7)] public int Lost { get; init; }

    [Id(8)] public required DateTimeOffset At { get; init; }

    /// <summary>
    /// Outreach prompts waiting for an agent: pending, and no agent holds them, because every agent
    /// with the skill is at capacity or nobody has it (<c>GET /api/outreach?pending=true</c> lists them).
    /// </summary>
    [Id(9)] public int PromptsWaiting { get; init; }
}
