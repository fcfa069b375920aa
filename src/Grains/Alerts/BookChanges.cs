using CxLive.Feed;

namespace CxLive.Alerts;

/// <summary>What one call to the alert book changed: alerts (in order), incidents, and the new customer alerts to offer to agents.</summary>
public sealed class BookChanges
{
    public List<AlertChange> Alerts { get; } = [];
    public List<Incident> Incidents { get; } = [];
    public List<Alert> ToRoute { get; } = [];

    public bool Any => Alerts.Count > 0 || Incidents.Count > 0;
}
