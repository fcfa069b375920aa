using CxLive.Alerts;
using CxLive.Detection;
using CxLive.Journeys;

namespace CxLive.Backtesting;

/// <summary>Per rule: alerts raised, how many the data resolved, and how many were still open at the end.</summary>
public sealed record RuleOutcome(int Raised, int Resolved, int Open);
