namespace CxLive.Grains.Storage;

/// <summary>A write refused because another activation has claimed the scope since the writer loaded it.</summary>
[GenerateSerializer] // it reaches the caller, whose retry finds the current activation
public sealed class ScopeClaimedElsewhereException : Exception
{
    public ScopeClaimedElsewhereException()
    {
    }

    public ScopeClaimedElsewhereException(RecordClaim claim)
        : base($"Records {claim.Scope} were claimed by another activation after this one's claim {claim.Number}; this activation deactivates and the caller's retry reaches the current one.")
    {
    }
}
