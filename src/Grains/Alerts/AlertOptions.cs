namespace CxLive.Alerts;

/// <summary>Section <c>Alerts</c>: how many closed alerts the book keeps for queries.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Resolved alerts kept, newest first (default 10,000); open alerts are always kept.</summary>
    public int ResolvedKept { get; set; } = 10_000;

    /// <summary>Evidence ids kept on one alert (default 100); the first ones that made it fire are never dropped.</summary>
    public int EvidenceKept { get; set; } = 100;
}
