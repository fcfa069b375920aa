namespace CxLive.Contracts.Agents;

/// <summary><c>alert-resolved</c>: someone or something closed its alert; <c>moment-passed</c>: its rule's time to reach out ran out.</summary>
public enum WithdrawalReason
{
    AlertResolved,
    MomentPassed,
}
