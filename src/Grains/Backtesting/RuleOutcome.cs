using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Backtesting;

/// <summary>Per rule: alerts raised, how many the data resolved, and how many were still open at the end.</summary>
public sealed record RuleOutcome(int Raised, int Resolved, int Open);
