using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Backtesting;

/// <summary>
/// Per rule: alerts raised, how many the data resolved, how many were still open at the end, and in
/// how many alerts of other rules its condition was folded (the customer's daily budget, one
/// conversation): "raised 25" hid 37 more customers who met the condition, and a tighter threshold
/// seemed to raise more experience drops, which had only stopped being folded into searches.
/// </summary>
public sealed record RuleOutcome(int Raised, int Resolved, int Open, int Folded);
