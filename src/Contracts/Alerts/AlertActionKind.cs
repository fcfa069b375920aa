namespace CxLive.Contracts.Alerts;

public enum AlertActionKind
{
    Acknowledge,
    Assign,
    Resolve,
    Snooze,
}
