using CxLive.Contracts.Journeys;

namespace CxLive.Simulator;

/// <summary>
/// An interaction and, when it belongs to an injected bad experience, the ground truth: which
/// rule should catch it and which injected case (session) it is part of.
/// </summary>
public sealed record GeneratedInteraction(Interaction Interaction, InjectedExperience? Injected);
