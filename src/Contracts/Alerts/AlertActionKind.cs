namespace CxLive.Contracts.Alerts;

public enum AlertActionKind
{
    Acknowledge,
    Assign,
    Resolve,
    Snooze,

    /// <summary>
    /// An agent's outreach report that leaves the alert open (contacted, unreachable): acknowledges it
    /// if nobody has, and keeps the agent's words in its history either way. Not offered by the API.
    /// </summary>
    Report,
}
