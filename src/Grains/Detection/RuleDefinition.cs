using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>What a rule is, before any configuration: its id, what it watches, and its defaults.</summary>
public sealed record RuleDefinition(
    string RuleId,
    string Description,
    Severity DefaultSeverity,
    ImmutableArray<RuleParameter> Parameters,
    bool EnabledByDefault = true)
{
    /// <summary>
    /// What the parameters must hold together, each in range alone ("recoverAbove must be at least
    /// below"): the reasons, as "parameters.name: reason", or none.
    /// </summary>
    public Func<IReadOnlyDictionary<string, object>, IEnumerable<string>>? Together { get; init; }

    /// <summary>
    /// Reaching the customer is all the rule asks for (a service visit owed a follow-up): an outreach
    /// reported contacted resolves its alert, recovered, by itself. The agent's console says so on the
    /// "Contacted" button instead of "the alert stays open". Not a detractor: reached is not won back.
    /// </summary>
    public bool ContactResolves { get; init; }
}
