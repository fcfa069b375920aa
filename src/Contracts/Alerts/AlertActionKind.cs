namespace CxLive.Alerts;

public enum AlertActionKind
{
    Acknowledge,
    Assign,
    Resolve,
    Snooze,
}
