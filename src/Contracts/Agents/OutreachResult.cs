namespace CxLive.Contracts.Agents;

/// <summary>What came of an outreach, as the agent reports it (<c>POST /api/outreach/{id}/outcome</c>).</summary>
public enum OutreachResult
{
    /// <summary>The agent reached the customer; the issue is not settled yet.</summary>
    Contacted,

    /// <summary>The agent reached the customer and settled it: the customer recovered.</summary>
    Resolved,

    /// <summary>The customer did not want the help: counted as lost.</summary>
    Declined,

    /// <summary>The agent could not reach the customer; the alert stays open.</summary>
    Unreachable,
}
