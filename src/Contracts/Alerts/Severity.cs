namespace CxLive.Contracts.Alerts;

public enum Severity
{
    Info,
    Warning,
    Critical,
}
