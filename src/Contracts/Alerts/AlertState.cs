namespace CxLive.Contracts.Alerts;

public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
    Snoozed,
}
