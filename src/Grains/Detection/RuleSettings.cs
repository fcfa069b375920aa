using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>
/// How one rule is set: on or off, the severity its alerts carry, and its parameters as text
/// (durations as <c>hh:mm:ss</c>), exactly as configuration and <c>PUT /api/rules/{ruleId}</c> give them.
/// </summary>
public sealed record RuleSettings(bool Enabled, Severity Severity, ImmutableDictionary<string, string> Parameters);
