using CxLive.Contracts.Journeys;

namespace CxLive.Simulator;

/// <summary>One step of a scripted session: when, after the session starts, and what happens.</summary>
internal sealed record SessionStep(
    TimeSpan After,
    Channel Channel,
    string Touchpoint,
    string Type,
    JourneyStage Stage,
    Outcome Outcome = Outcome.Success,
    double? Score = null,
    Dictionary<string, string>? Attributes = null,
    string? CaseId = null);
