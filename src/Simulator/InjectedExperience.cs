using CxLive.Contracts.Journeys;

namespace CxLive.Simulator;

/// <summary>A bad experience the simulator injected on purpose, for recall and precision.</summary>
public sealed record InjectedExperience(string RuleId, string CaseId);
