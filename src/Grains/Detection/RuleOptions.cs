using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>One rule's entry under <c>Detection:Rules:{ruleId}</c>; anything left out keeps the default.</summary>
public sealed class RuleOptions
{
    public bool? Enabled { get; set; }

    public Severity? Severity { get; set; }

    /// <summary>Parameter name to value as text, e.g. <c>"window": "00:10:00"</c>.</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);
}
