namespace CxLive.Silo.Hosting;

/// <summary>
/// How far the process got, for the one line it ends with when Redis fails it: before the host has
/// started that is "cannot start"; after, Redis went away under a running process (a hosted service's
/// stop met it), and saying "cannot start" would send the operator to the wrong place.
/// </summary>
public sealed class StartPhase
{
    /// <summary>ConnectionStrings:Redis as configured, null in embedded mode; only its endpoints are ever printed.</summary>
    public string? Redis { get; set; }

    public bool Started { get; set; }

    public string Prefix => Started ? "cxlive: stopped: " : "cxlive: cannot start: ";
}
