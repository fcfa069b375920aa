using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Grains.Feed;

namespace CxLive.Grains.Alerts;

/// <summary>
/// What one call to an alert partition changed: alerts (in order), incidents, the new customer
/// alerts to offer to agents, and what the other partitions must hear of (incidents opened and
/// closed here, alerts here that joined another partition's incident).
/// </summary>
public sealed class BookChanges
{
    public List<AlertChange> Alerts { get; } = [];
    public List<Incident> Incidents { get; } = [];
    public List<Alert> ToRoute { get; } = [];

    /// <summary>Customer alerts whose snooze was set or ended: their pending prompts say so (the desk does nothing else with them).</summary>
    public List<Alert> SnoozeChanged { get; } = [];
    public List<Incident> OpenedIncidents { get; } = [];
    /// <summary>Incidents resolved here, by whom and with their note: the absorbed alerts of other partitions close with the same words.</summary>
    public List<(Incident Incident, string By, string? Note)> ClosedIncidents { get; } = [];
    public List<(string IncidentId, IncidentMember Member)> ToAttach { get; } = [];

    /// <summary>Open customer alerts an incident took in: their pending prompts are withdrawn (outreach waits for the cause).</summary>
    public List<Alert> Absorbed { get; } = [];

    public bool Any => Alerts.Count > 0 || Incidents.Count > 0;
}
