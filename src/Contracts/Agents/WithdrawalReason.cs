namespace CxLive.Contracts.Agents;

/// <summary>
/// <c>alert-resolved</c>: someone or something closed its alert; <c>moment-passed</c>: its rule's
/// time to reach out ran out; <c>joined-incident</c>: an outage at its touchpoint took its alert in,
/// and outreach to the customers it hurts waits until the cause is known (the incident's card stands for them).
/// </summary>
public enum WithdrawalReason
{
    AlertResolved,
    MomentPassed,
    JoinedIncident,
}
