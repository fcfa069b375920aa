namespace CxLive.Contracts.Rules;

/// <summary>
/// The cluster's record of run-time rule changes (key 0), kept in storage so changes survive
/// restarts. Every silo watches <see cref="GetVersionAsync"/> and rebuilds its rules on a change.
/// </summary>
[Alias("CxLive.Rules.IRulesGrain")]
public interface IRulesGrain : IGrainWithIntegerKey
{
    Task<long> GetVersionAsync();

    Task<RuleChanges> GetChangesAsync();

    /// <summary>Stores the change (already validated by the caller) and returns the new changes.</summary>
    Task<RuleChanges> ChangeAsync(string ruleId, RuleChange change);
}
