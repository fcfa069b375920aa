namespace CxLive.Alerts;

public enum Severity
{
    Info,
    Warning,
    Critical,
}
