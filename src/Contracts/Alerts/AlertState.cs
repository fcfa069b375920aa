namespace CxLive.Alerts;

public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
    Snoozed,
}
