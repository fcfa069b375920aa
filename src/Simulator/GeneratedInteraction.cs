using CxLive.Journeys;

namespace CxLive.Simulator;

/// <summary>
/// An interaction and, when it belongs to an injected bad experience, the ground truth: which
/// rule should catch it and which injected case (session) it is part of.
/// </summary>
public sealed record GeneratedInteraction(Interaction Interaction, InjectedExperience? Injected);

/// <summary>A bad experience the simulator injected on purpose, for recall and precision.</summary>
public sealed record InjectedExperience(string RuleId, string CaseId);
